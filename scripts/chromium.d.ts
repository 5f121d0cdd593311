// Types for chromium.js (plain JS so that the bench can use it without a build).
export const CHROMIUM_PATH: string;
export const CHROMIUM_ARGS: string[];
