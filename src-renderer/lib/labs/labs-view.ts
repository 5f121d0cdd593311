/**
 * The Labs view's controllers, one each for the window: the open lab, its half-edited GAX card and
 * the classroom's tally survive a visit to the Server or Connect view while the trainee investigates.
 */
import { serverStatus } from '../app/server-status.svelte.js';
import { ClassroomController } from './classroom.svelte.js';
import { HandoutController } from './handout.svelte.js';
import { LabsController } from './labs.svelte.js';

export const labs = new LabsController();
export const classroom = new ClassroomController(serverStatus);
/** the classroom handout's token-uuid, shown on a click for the open lab */
export const handout = new HandoutController(() => labs.lab?.scenario.id ?? null);
