/** Training labs, the Node part: run a lab's mock CS, check a fix with a real login, read and write setup files. */
export { labCsToMockCsOptions, labCsFromMockCs } from './mock-cs-setup.js';
export { runLabCheck, type LabCheckInput, type LabCheckTarget } from './check.js';
export { parseLabSetup, checkLabSetup, labSetupToJson, labSetupSchema, type LabSetupParse } from './setup-file.js';
