/**
 * What the handlers are given: the workbench, and the lab session and classroom built on it (they
 * take only the narrow pieces they need, so they are wired here, above both).
 */
import { Classroom } from '../labs/classroom.js';
import { LabSession } from '../labs/lab-session.js';
import { Workbench, type WorkbenchInit } from '../workbench/workbench.js';
import type { LabHost } from '../labs/needs.js';
import type { IpcEvents } from './events.js';

export class IpcServices extends Workbench<IpcEvents> {
  /** the open training lab (its GAX side; its CS side is a mock CS of its own, in front while it is open) */
  readonly labs: LabSession;
  readonly classroom: Classroom;

  constructor(init: WorkbenchInit<IpcEvents>) {
    super(init);
    this.labs = new LabSession(this);
    this.classroom = new Classroom(this);
  }

  /**
   * A lab's own mock CS, put in front; any other lab's is stopped first (one lab is open at a time).
   * A new one listens on a free loopback port (the user's may hold the usual one), and a classroom
   * in session moves with the lab: the room keeps its address, now answered by this lab's CS.
   */
  async labMockCs(id: string, title: string): Promise<LabHost> {
    const owner = `lab:${id}` as const;
    if (this.frontMockCs().owner === owner) return this.frontMockCs();
    const room = this.classroom.room();
    if (room) await this.classroom.stop();
    for (const other of this.mockCsHosts.list())
      if (other.owner.startsWith('lab:') && other.owner !== owner) await this.mockCsHosts.drop(other.owner);
    const host = this.bringToFront(owner, title);
    if (!host.cs().status().running) await host.change((cs) => cs.updateOptions({ listeners: [{ host: '127.0.0.1', port: 0 }] }));
    if (room) await this.classroom.start(room.host, room.port, Boolean(room.tls));
    return host;
  }

  /** The lab left: its classroom ends, the user's own mock CS is back in front (as it was), the lab's stops. */
  async leaveLabMockCs(id: string): Promise<void> {
    if (this.frontMockCs().owner === `lab:${id}` && this.classroom.room()) await this.classroom.stop();
    this.bringToFront('user');
    await this.mockCsHosts.drop(`lab:${id}`);
    this.events.mockCsChanged();
  }

  override async dispose(): Promise<void> {
    this.labs.dispose();
    await super.dispose();
  }
}
