/**
 * The Settings view's controllers, one each for the window: what was typed in a form survives a
 * visit to another view. Secrets shown in clear do not (the view hides them when it closes).
 */
import { AppSettings } from './app-settings.svelte.js';
import { NewProfileForm } from './new-profile-form.svelte.js';
import { ProfileDetails } from './profile-details.svelte.js';
import { ProfileList } from './profile-list.svelte.js';
import { ProfileTransfer } from './profile-transfer.svelte.js';

export const profileList = new ProfileList();
export const profileDetails = new ProfileDetails();
export const newProfileForm = new NewProfileForm(profileList);
export const profileTransfer = new ProfileTransfer(() => profileList.load());
export const appSettings = new AppSettings();
