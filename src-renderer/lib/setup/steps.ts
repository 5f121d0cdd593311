/** The wizard's steps, in order, with the names the stepper shows. */
export const SETUP_STEPS = [
  { id: 'cs', name: 'Configuration Server', summary: 'the [system] token options' },
  { id: 'gax', name: 'GAX', summary: 'the [general] token options' },
  { id: 'check', name: 'Check', summary: 'what the settings imply' },
  { id: 'try', name: 'Try it', summary: 'a login against the mock CS' },
  { id: 'apply', name: 'Apply', summary: 'the option lines and the checklist' },
] as const;

export type SetupStepId = (typeof SETUP_STEPS)[number]['id'];

export function stepIndex(id: SetupStepId): number {
  return SETUP_STEPS.findIndex((s) => s.id === id);
}

export function stepName(id: SetupStepId): string {
  return SETUP_STEPS[stepIndex(id)]!.name;
}

/** One thing that keeps a step from being left forward: the field it concerns (its element id) and why. */
export interface StepProblem {
  /** the id of the control to focus */
  fieldId: string;
  /** "token-ttl", "Sample username" */
  label: string;
  message: string;
}

/** A step as the stepper shows it. */
export interface StepperStep {
  id: SetupStepId;
  name: string;
  summary: string;
  state: 'current' | 'done' | 'todo';
  problems: number;
}
