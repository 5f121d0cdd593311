/**
 * For controllers: a step that throws on what main answered (data of the wrong shape, a bug) must
 * end as something the person sees — the view's own Callout and the window's banner — not as a
 * rejection nobody awaits, with the view stuck "loading" or blank (issue 8 part 4).
 */
import { appProblems, problemMessage, type AppProblems } from './app-problems.svelte.js';

export interface ShownProblem {
  message: string;
  hint?: string;
}

/** Reports `error` in the window's banner and answers it in words for the view's own Callout. */
export function reportUnexpected(error: unknown, problems: AppProblems = appProblems): ShownProblem {
  problems.report('page', error);
  return {
    message: `unexpected error: ${problemMessage(error)}`,
    hint: 'The rest of the window keeps working; try again, or reload the window (Ctrl+R).',
  };
}
