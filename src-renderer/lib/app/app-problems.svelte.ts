/**
 * Unexpected errors the window should show instead of going blank or silently stuck: a view that
 * threw while rendering (caught by App's boundary), an error or unhandled rejection anywhere in the
 * page (event handlers, timers, async work a boundary cannot catch), and a request main answered
 * with INTERNAL (a handler failed there) or the bridge failed, and main's own unexpected errors (the
 * `app.problem` event: an uncaught exception or unhandled rejection there). Each is kept as one scrubbed line: an error message may
 * carry a token-uuid or a token the person typed, and what the window shows may be screen-shared.
 */
import { scrubSecrets } from '../../../src-main/core/browser.js';
import { api } from '../api.js';

export type ProblemSource = 'view' | 'page' | 'main';

export interface AppProblem {
  id: number;
  source: ProblemSource;
  /** one line, scrubbed, at most 300 characters */
  message: string;
  /** how many times the same problem came again */
  repeats: number;
}

/** The most problems kept: a failing timer must not grow the list for ever. */
const MAX_PROBLEMS = 5;

/** One scrubbed line for any thrown value. */
export function problemMessage(error: unknown): string {
  const text =
    error instanceof Error ? `${error.name}: ${error.message}` : typeof error === 'string' ? error : `a non-Error value was thrown (${typeof error})`;
  const line = scrubSecrets(text.split('\n', 1)[0] ?? '').trim();
  return (line.length > 300 ? `${line.slice(0, 299)}…` : line) || 'an error without a message';
}

export class AppProblems {
  list = $state<AppProblem[]>([]);
  private nextId = 1;

  /** Records a problem (the same line again counts as a repeat, not a new entry); returns it. */
  report(source: ProblemSource, error: unknown): AppProblem {
    const message = problemMessage(error);
    const same = this.list.find((p) => p.source === source && p.message === message);
    if (same) {
      same.repeats += 1;
      return same;
    }
    const problem: AppProblem = { id: this.nextId++, source, message, repeats: 0 };
    this.list = [...this.list, problem].slice(-MAX_PROBLEMS);
    return this.list.at(-1)!;
  }

  dismiss(id: number): void {
    this.list = this.list.filter((p) => p.id !== id);
  }

  clear(): void {
    this.list = [];
  }

  get latest(): AppProblem | undefined {
    return this.list.at(-1);
  }
}

export const appProblems = new AppProblems();

type ErrorTarget = Pick<Window, 'addEventListener' | 'removeEventListener'>;

/**
 * Reports the page's uncaught errors and unhandled rejections; returns the function that stops.
 * The default reporting (the console) is left alone, so DevTools still shows the stack.
 */
export function watchPageErrors(target: ErrorTarget, problems: AppProblems = appProblems): () => void {
  const onError = (e: Event): void => void problems.report('page', (e as ErrorEvent).error ?? (e as ErrorEvent).message);
  const onRejection = (e: Event): void => void problems.report('page', (e as PromiseRejectionEvent).reason);
  target.addEventListener('error', onError);
  target.addEventListener('unhandledrejection', onRejection);
  return () => {
    target.removeEventListener('error', onError);
    target.removeEventListener('unhandledrejection', onRejection);
  };
}

/**
 * Reports what went wrong on main's side: its own unexpected errors (`app.problem`, already
 * scrubbed there) and requests that failed unexpectedly. Returns the function that stops.
 */
export function watchMainProblems(problems: AppProblems = appProblems): () => void {
  const stopEvents = api.on('app.problem', (p) => void problems.report('main', p.message));
  const stopFailures = api.onUnexpectedFailure((message) => void problems.report('main', message));
  return () => {
    stopEvents();
    stopFailures();
  };
}
