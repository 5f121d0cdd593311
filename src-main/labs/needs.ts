/**
 * What the lab session and the classroom need of the running app — narrow, so they take the
 * workbench (or a test's stand-in) without depending on the doors that wire them.
 */
import type { MockCsView } from '../ipc/contract/mockcs.js';
import type { MockCs } from '../mockcs/index.js';
import type { Store } from '../store/index.js';

/** The mock CS a classroom opens: read it, and change it one change at a time. */
export interface LabMockCs {
  mockCs(): MockCs;
  changeMockCs(change: (cs: MockCs) => Promise<void>): Promise<MockCsView>;
}

/** A lab's own mock CS (a MockCsHost): never the user's, so opening a lab replaces nothing of theirs. */
export interface LabHost {
  cs(): MockCs;
  change(change: (cs: MockCs) => Promise<void>): Promise<MockCsView>;
}

/** What a lab session needs: its progress store, a clock, and a mock CS of the lab's own. */
export interface LabSessionServices {
  store: Pick<Store, 'labs'>;
  clock: () => number;
  /** the lab's mock CS (created on first use), put in front: the Server view shows and edits it */
  labMockCs(id: string, title: string): Promise<LabHost>;
  /** the lab left: its mock CS stopped and forgotten, the user's own back in front as it was */
  leaveLabMockCs(id: string): Promise<void>;
}

/** What the classroom needs: a clock and the mock CS it opens to the room. */
export interface ClassroomServices extends LabMockCs {
  clock: () => number;
}
