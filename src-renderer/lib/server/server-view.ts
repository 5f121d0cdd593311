/**
 * The Server view's controllers, one each for the window: the log keeps receiving while the person
 * is on another view, and half-edited forms survive a visit elsewhere.
 */
import { serverStatus } from '../app/server-status.svelte.js';
import { EventLog } from './event-log.svelte.js';
import { LiveLog } from './live-log.svelte.js';
import { ServerConsole } from './server-console.svelte.js';

export const serverConsole = new ServerConsole(serverStatus);
export const eventLog = new EventLog();
export const liveLog = new LiveLog(eventLog, () => Date.now());
