/**
 * Compile-time checks that the contract's schemas and the domain modules' types agree. They live
 * here, outside contract/, because the renderer type-checks against the contract and must not load
 * the domain modules (they need Node). A drift on either side fails `tsc -p tsconfig.main.json`.
 * Nothing here runs.
 */
import type { z } from 'zod';
import type { LoginResult, TraceStep } from '../client/types.js';
import type { CorrectedFile, Finding, ParsedFile, ReadError } from '../core/doctor/index.js';
import type { DecisionView } from '../core/decision-view.js';
import type { decisionView } from './contract/tokens.js';
import type { MockCsEvent, MockCsOptions } from '../mockcs/index.js';
import type { ProfileInput, ProfilePatch, ProfileSummary, Settings, SettingsPatch, StoreNotice } from '../store/index.js';
import type { loginResult, traceStep } from './contract/login.js';
import type { mockCsEvent, MockCsOptionsPatch } from './contract/mockcs.js';
import type { doctorResult } from './contract/options.js';
import type { ParsedInput } from './contract/index.js';
import type { profileSummary, settingsView, storeNotice } from './contract/store.js';

/** `true` only when a value of type A can be used where B is expected. */
type Fits<A, B> = [A] extends [B] ? true : false;
/** `true` only when both name the same fields: a field the domain adds must be added to the (strict) schema too. */
type SameKeys<A, B> = Fits<keyof A, keyof B> extends true ? Fits<keyof B, keyof A> : false;

// What main sends must fit what the renderer is promised …
export type ContractFits = [
  Fits<MockCsEvent, z.infer<typeof mockCsEvent>>,
  Fits<DecisionView, z.infer<typeof decisionView>>,
  SameKeys<DecisionView, z.infer<typeof decisionView>>,
  Fits<LoginResult, z.infer<typeof loginResult>>,
  Fits<TraceStep, z.infer<typeof traceStep>>,
  Fits<
    { files: ParsedFile[]; findings: Finding[]; corrected: CorrectedFile[]; errors: ReadError[]; notChecked: string[] },
    z.infer<typeof doctorResult>
  >,
  Fits<ProfileSummary, z.infer<typeof profileSummary>>,
  Fits<StoreNotice, z.infer<typeof storeNotice>>,
  Fits<Settings, z.infer<typeof settingsView>>,
  Fits<z.infer<typeof settingsView>, Settings>,
  SameKeys<MockCsEvent, z.infer<typeof mockCsEvent>>,
  SameKeys<LoginResult, z.infer<typeof loginResult>>,
  SameKeys<ProfileSummary, z.infer<typeof profileSummary>>,
  SameKeys<StoreNotice, z.infer<typeof storeNotice>>,
  SameKeys<Settings, z.infer<typeof settingsView>>,
  // … and what the renderer sends must be something the domain takes.
  Fits<MockCsOptionsPatch, Partial<MockCsOptions>>,
  Fits<ParsedInput<'profiles.create'>, ProfileInput>,
  Fits<ParsedInput<'profiles.update'>['patch'], ProfilePatch>,
  Fits<ParsedInput<'settings.update'>['patch'], SettingsPatch>,
];

const allFit: ContractFits = [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true];
void allFit;
