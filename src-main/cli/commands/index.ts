/**
 * Every gax-token command, loaded on demand so `gax-token decode` does not pay for the server's modules.
 * A new command is one line here and one file beside this one.
 */
import type { CommandRegistry } from '../command.js';

export const COMMANDS: CommandRegistry = {
  mint: { summary: 'mint a token as GAX would', load: async () => (await import('./mint.js')).mint },
  decode: { summary: 'show what a token holds', load: async () => (await import('./decode.js')).decode },
  verify: { summary: "the CS's decision on a token at an instant", load: async () => (await import('./verify.js')).verify },
  login: { summary: 'log in to a CS as GAX would, step by step', load: async () => (await import('./login.js')).login },
  time: { summary: "the server's clock offset and round trip", load: async () => (await import('./time.js')).time },
  serve: { summary: 'run the mock Configuration Server (csmock/1)', load: async () => (await import('./serve.js')).serve },
  lab: { summary: 'training labs: list, show, start a broken CS, check a fix', load: async () => (await import('./lab.js')).lab },
  doctor: { summary: 'check exported CS and GAX options: what is wrong, why, the fix', load: async () => (await import('./doctor.js')).doctor },
  completion: {
    summary: 'print a shell completion script (bash, zsh, fish, powershell)',
    load: async () => (await import('./completion.js')).completionCommand(COMMANDS),
  },
};
