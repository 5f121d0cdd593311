/**
 * Lab texts with their source, written short in the scenarios: `genesysText('GAX-SECURE', …)` for
 * what a Genesys document says, `modelText(…)` for the tool's model (the mock CS by default),
 * `adviceText(…)` for the tool's judgement.
 */
import { adviceSource, genesysSource, modelSource, type GenesysSourceId, type ModelSourceId } from '../sources.js';
import type { LabText } from './types.js';

export const genesysText = (id: GenesysSourceId, text: string): LabText => ({ text, source: genesysSource(id) });
export const modelText = (text: string, id: ModelSourceId = 'CSMOCK-1'): LabText => ({ text, source: modelSource(id) });
export const adviceText = (text: string): LabText => ({ text, source: adviceSource() });
