/**
 * What the handlers are given: the workbench, and the lab session and classroom built on it (they
 * take only the narrow pieces they need, so they are wired here, above both).
 */
import { Classroom } from '../labs/classroom.js';
import { LabSession } from '../labs/lab-session.js';
import { Workbench, type WorkbenchInit } from '../workbench/workbench.js';
import type { IpcEvents } from './events.js';

export class IpcServices extends Workbench<IpcEvents> {
  /** the open training lab (its GAX side; its CS side is the user's mock CS for now) */
  readonly labs: LabSession;
  readonly classroom: Classroom;

  constructor(init: WorkbenchInit<IpcEvents>) {
    super(init);
    this.labs = new LabSession(this);
    this.classroom = new Classroom(this);
  }

  override async dispose(): Promise<void> {
    this.labs.dispose();
    await super.dispose();
  }
}
