/**
 * What the lab session and the classroom need of the running app — narrow, so they take the
 * workbench (or a test's stand-in) without depending on the doors that wire them.
 */
import type { MockCsView } from '../ipc/contract/mockcs.js';
import type { MockCs } from '../mockcs/index.js';
import type { Store } from '../store/index.js';

/** The mock CS a lab runs on: read it, and change it one change at a time. */
export interface LabMockCs {
  mockCs(): MockCs;
  changeMockCs(change: (cs: MockCs) => Promise<void>): Promise<MockCsView>;
}

/** What a lab session needs: its progress store, a clock, and the mock CS it runs on. */
export interface LabSessionServices extends LabMockCs {
  store: Pick<Store, 'labs'>;
  clock: () => number;
}

/** What the classroom needs: a clock and the mock CS it opens to the room. */
export interface ClassroomServices extends LabMockCs {
  clock: () => number;
}
