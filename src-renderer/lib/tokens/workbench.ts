/**
 * The Tokens view's controllers, one instance each for the whole window: the shelf keeps ticking and
 * the forms keep what was typed while the person visits other views. Memory only — nothing is saved.
 */
import { browserScheduler, wallClock } from './scheduler.js';
import { SecondClock } from './second-clock.svelte.js';
import { TokenShelf } from './shelf.svelte.js';
import { MintForm } from './mint-form.svelte.js';
import { TokenInspector } from './inspector.svelte.js';

export const secondClock = new SecondClock(wallClock, browserScheduler);
export const tokenShelf = new TokenShelf(secondClock);
export const mintForm = new MintForm(tokenShelf);
export const tokenInspector = new TokenInspector(browserScheduler);
/** which change of the current setup (and which CS check profile) the forms were last filled from */
export const setupFollowed = { version: -1, checkProfile: '' };
