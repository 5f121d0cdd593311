/** The steps of a GAX login as the client traces them, in order, with the words the trace shows. */

export type StepId = 'resolve' | 'connect' | 'tls' | 'hello' | 'token' | 'register';
/** the steps that wait on the network, each with its own timeout */
export type TimedStepId = Exclude<StepId, 'token'>;

export const STEP_ORDER: readonly StepId[] = ['resolve', 'connect', 'tls', 'hello', 'token', 'register'];

export const STEP_LABELS: Record<StepId, string> = {
  resolve: 'Resolve host',
  connect: 'TCP connect',
  tls: 'TLS handshake',
  hello: 'Hello (csmock/1)',
  token: 'Mint token',
  register: 'RegisterClient',
};
