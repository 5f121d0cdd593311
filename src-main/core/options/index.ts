/** The Genesys option model: pure, no Node APIs, shared by the doctor, the wizard and the CLI. */
export * from './catalog.js';
export * from './values.js';
export * from './option-set.js';
export * from './convert.js';
export * from './cfg-text.js';
export * from './names.js';
export * from './profile.js';
