/**
 * The Doctor view's controller, one for the window: inputs and the last diagnosis survive a visit
 * to another view. "Open in the wizard" fills the Set up wizard and shows it.
 */
import { navigation } from '../app/navigation.svelte.js';
import { wizard } from '../setup/setup-view.js';
import { DoctorSession } from './doctor-session.svelte.js';

export const doctor = new DoctorSession(wizard, () => navigation.go('setup'));
