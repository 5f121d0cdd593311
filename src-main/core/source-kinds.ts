/**
 * The kinds and ids of sources, and their words: all a label beside a claim needs. The registry of
 * titles and places (sources.ts) is separate, so the renderer's first paint can show the labels and
 * load the registry later. Browser-safe: no Node APIs.
 */

export type SourceKind = 'genesys' | 'model' | 'advice';
export const SOURCE_KINDS: readonly SourceKind[] = ['genesys', 'model', 'advice'];

export const GENESYS_SOURCE_IDS = [
  'GAX-SECURE',
  'CSP-SYSTEM',
  'CS-SYSTEM',
  'GAX-FILES',
  'FW-LOGIN',
  'SEC-TLS',
  'TEN-SECAUTH',
  'SYS-LASTLOGIN',
] as const;
export type GenesysSourceId = (typeof GENESYS_SOURCE_IDS)[number];

export const MODEL_SOURCE_IDS = ['PXZ-1', 'CSMOCK-1', 'GAX-SIDE'] as const;
export type ModelSourceId = (typeof MODEL_SOURCE_IDS)[number];

export const ADVICE_SOURCE_IDS = ['TOOL-ADVICE'] as const;
export type AdviceSourceId = (typeof ADVICE_SOURCE_IDS)[number];

export type SourceId = GenesysSourceId | ModelSourceId | AdviceSourceId;

/** What a finding, explanation, hint or lab text carries: its kind and the registry id behind it. */
export type Source = { kind: 'genesys'; id: GenesysSourceId } | { kind: 'model'; id: ModelSourceId } | { kind: 'advice'; id: AdviceSourceId };

export const genesysSource = (id: GenesysSourceId): Source => ({ kind: 'genesys', id });
export const modelSource = (id: ModelSourceId = 'PXZ-1'): Source => ({ kind: 'model', id });
export const adviceSource = (): Source => ({ kind: 'advice', id: 'TOOL-ADVICE' });

/** The small label shown beside a claim in the app. */
export const SOURCE_LABEL: Readonly<Record<SourceKind, string>> = {
  genesys: 'Genesys doc',
  model: "tool's model",
  advice: 'advice',
};

/** The kind in a word, for text output (`gax-token doctor`, `verify`, `login`). */
export const SOURCE_WORD: Readonly<Record<SourceKind, string>> = {
  genesys: 'genesys',
  model: 'model',
  advice: 'advice',
};
