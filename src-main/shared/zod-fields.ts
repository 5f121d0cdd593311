/**
 * Field shapes that word their own errors the house way ("is missing", "must be at most 300 (s)"),
 * shared by every schema that reads a person's input: the mock CS's options and a lab's setup file.
 */
import { z } from 'zod';

/** zod's error for a wrong type: "is missing" when there is nothing, else what it must be. */
export const must = (what: string) => (issue: { input?: unknown }) => (issue.input === undefined ? 'is missing' : what);

/** A whole number in [min, max]; `what` names the unit or meaning in every error. */
export const wholeNumber = (min: number, max: number, what: string) =>
  z
    .int({ error: must(`must be a whole number (${what})`) })
    .min(min, { error: `must be at least ${min} (${what})` })
    .max(max, { error: `must be at most ${max} (${what})` });
