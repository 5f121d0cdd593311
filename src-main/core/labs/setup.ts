/**
 * Building blocks of lab setups: the working setup every scenario breaks one thing in, a deep copy,
 * and the CS and GAX sides written as Genesys option files, so the Doctor can read a lab (the
 * misspelt option in particular shows only there). Pure: no Node.
 */
import { DEFAULT_PREAMBLE } from '../constants.js';
import { writeOptionsText, type WriteResult } from '../options/index.js';
import type { LabCsSetup, LabGaxSetup, LabSetup } from './types.js';

/** GAX [general] token_life_in_minutes in every lab: the 20-minute token of Genesys's own example (12:00–12:20). */
export const LAB_TOKEN_LIFE_MINUTES = 20;
/** The longest token life, replay age or replay life a lab setup may hold (a year): the setup file,
 * the IPC patch and the Labs view's GAX card all check against this one bound. */
export const LAB_MAX_MINUTES = 366 * 1440;

export interface LabPerson {
  userName: string;
  password: string;
  enabled?: boolean;
}

/**
 * A setup in which GAX logs in with a token: token authentication on, the default preamble and
 * token-tolerance, token-ttl unset (the CS reads GAX's token life), both clocks right.
 * `people[0]` is the user GAX logs in as.
 */
export function workingSetup(tokenUuid: string, people: readonly [LabPerson, ...LabPerson[]]): LabSetup {
  const cs: LabCsSetup = {
    tokenAuthenticationMode: 'enable',
    tokenPreambula: DEFAULT_PREAMBLE,
    tokenUuid,
    tokenToleranceSeconds: null,
    tokenTtlMinutes: null,
    gaxTokenLifeMinutes: LAB_TOKEN_LIFE_MINUTES,
    clockOffsetSeconds: 0,
    passwordFieldLimit: 64,
    users: people.map((p) => ({ userName: p.userName, enabled: p.enabled ?? true, password: p.password })),
    extraOptions: {},
  };
  const gax: LabGaxSetup = {
    confservTrusted: true,
    tokenLifeMinutes: LAB_TOKEN_LIFE_MINUTES,
    tokenUuid,
    preamble: DEFAULT_PREAMBLE,
    userName: people[0].userName,
    clockOffsetSeconds: 0,
    tokenSource: { kind: 'mint' },
  };
  return { cs, gax };
}

/** A deep copy: setups are plain data, and the caller edits the copy. */
export function cloneLabSetup(setup: LabSetup): LabSetup {
  return {
    cs: {
      ...setup.cs,
      users: setup.cs.users.map((u) => ({ ...u })),
      extraOptions: { ...setup.cs.extraOptions },
    },
    gax: { ...setup.gax, tokenSource: { ...setup.gax.tokenSource } },
  };
}

/**
 * The CS side as its exported `[system]` section, as an administrator would find it: options that
 * are set, plus the extra (possibly misspelt) lines as typed. token-preambula is written only when
 * it is not the default, since a CS that uses the default has no such line — which is exactly why a
 * misspelt `token-preamble` line leaves the CS on {PXZ}. The lab's token-uuid is a published
 * training value, so it is written as is.
 */
export function labCsOptionsText(cs: LabCsSetup): WriteResult {
  // Genesys names only `enable`; a CS with token authentication off simply has no such line.
  const system: Record<string, string> = {};
  if (cs.tokenAuthenticationMode === 'enable') system['token-authentication-mode'] = 'enable';
  if (cs.tokenPreambula !== DEFAULT_PREAMBLE) system['token-preambula'] = cs.tokenPreambula;
  system['token-uuid'] = cs.tokenUuid;
  if (cs.tokenToleranceSeconds !== null) system['token-tolerance'] = String(cs.tokenToleranceSeconds);
  if (cs.tokenTtlMinutes !== null) system['token-ttl'] = String(cs.tokenTtlMinutes);
  for (const [name, value] of Object.entries(cs.extraOptions)) system[name] = value;
  return writeOptionsText(
    { application: 'cs', sections: { system } },
    { comments: ['Configuration Server application, [system] section (training lab)'] },
  );
}

/** The GAX side as its exported `[general]` section. */
export function labGaxOptionsText(gax: LabGaxSetup): WriteResult {
  return writeOptionsText(
    {
      application: 'gax',
      sections: {
        general: { confserv_trusted: String(gax.confservTrusted), token_life_in_minutes: String(gax.tokenLifeMinutes) },
      },
    },
    { comments: ['GAX application, [general] section (training lab)'] },
  );
}
