/** The open lab as the renderer sees it, and its options as an administrator would export them. */
import { labCsOptionsText, labGaxOptionsText, withGaxSigning } from '../core/labs/index.js';
import type { LabCheckResult, LabCsSetup, LabProgressEntry, LabScenario, LabSetup } from '../core/labs/types.js';
import type { OpenLab } from '../store/index.js';
import type { OpenLabView } from '../ipc/contract/labs.js';
import { copyText, gaxView } from './lab-gax-view.js';
import { HandlerError } from '../workbench/failure.js';

/** The open lab's view: its texts as far as progress allows, its GAX side as GAX would sign. */
export function openLabView(
  scenario: LabScenario,
  open: OpenLab,
  setup: LabSetup,
  progress: LabProgressEntry,
  lastCheck: LabCheckResult | null,
  notice: string | null,
): OpenLabView {
  const solvedOrRevealed = progress.status === 'solved' || progress.revealed;
  return {
    scenario: {
      id: scenario.id,
      title: scenario.title,
      story: scenario.story,
      storySource: { ...scenario.storySource },
      csRole: scenario.csRole,
      brokenCode: scenario.brokenCode,
      tools: scenario.tools.map((t) => ({ ...t })),
      fixIn: [...scenario.fixIn],
      hintCount: scenario.hints.length,
      brokenGax: gaxView(scenario.broken.gax),
    },
    progress,
    hints: scenario.hints.slice(0, progress.hintsShown).map(copyText),
    solution: progress.revealed ? copyText(scenario.solution) : null,
    explanation: solvedOrRevealed ? copyText(scenario.explanation) : null,
    // What GAX signs with follows the primary CS (GAX-SIDE): the mock CS's own values when it is the primary.
    gax: gaxView(withGaxSigning(scenario, setup).gax),
    extraOptions: { ...open.extraOptions },
    lastCheck: lastCheck && lastCheck.scenarioId === scenario.id ? structuredClone(lastCheck) : null,
    notice,
  };
}

/**
 * The CS and GAX applications' options as an administrator would export them: the CS side as the
 * lab's mock CS runs now (the trainee's fixes included) with the options typed that the CS ignores.
 */
export function labExportFiles(open: OpenLab, cs: LabCsSetup): { name: string; text: string; application: 'cs' | 'gax' }[] {
  const files: { name: string; text: string; application: 'cs' | 'gax' }[] = [];
  for (const [name, text, application] of [
    [`${open.scenarioId}-confserv.cfg`, labCsOptionsText(cs), 'cs'],
    [`${open.scenarioId}-gax.cfg`, labGaxOptionsText(open.gax), 'gax'],
  ] as const) {
    if (!text.ok)
      throw new HandlerError(
        'EXPORT_FAILED',
        `the ${application === 'cs' ? 'CS' : 'GAX'} options could not be written: ${text.reason}`,
        'Remove the option named there, then try again.',
      );
    files.push({ name, text: text.text, application });
  }
  return files;
}
