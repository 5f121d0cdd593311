/** Login requests: run the GAX login client against a target, stream its steps, cancel it. */
import { runLogin, type GaxCredentials, type PasswordCredentials } from '../../client/index.js';
import type { HandlersOf, ParsedInput } from '../contract/index.js';
import type { loginRequests } from '../contract/login.js';
import type { IpcServices } from '../context.js';
import { resolveTarget } from './target.js';

export function loginHandlers(services: IpcServices): HandlersOf<typeof loginRequests> {
  return {
    async 'login.run'(input) {
      const target = resolveTarget(services, input.target, input.tls);
      const credentials = await resolveCredentials(services, input.credentials);
      const controller = services.beginLogin(input.runId);
      try {
        return await runLogin(
          {
            host: target.host,
            port: target.port,
            tls: target.tls,
            userName: input.userName,
            credentials,
            ...(input.clientName !== undefined ? { clientName: input.clientName } : {}),
            ...(input.timeoutsMs !== undefined ? { timeoutsMs: input.timeoutsMs } : {}),
            signal: controller.signal,
            clock: services.clock,
          },
          (step) => services.events.loginStep(input.runId, step),
        );
      } finally {
        services.endLogin(input.runId, controller);
      }
    },
    async 'login.cancel'({ runId }) {
      return { cancelled: services.cancelLogin(runId) };
    },
  };
}

type CredentialsInput = ParsedInput<'login.run'>['credentials'];

/**
 * GAX's token settings with the token-uuid looked up in main. With confserv_trusted=false GAX sends
 * the password and never needs the token-uuid, so it is not looked up (a profile without one is fine).
 */
async function resolveCredentials(services: IpcServices, c: CredentialsInput): Promise<PasswordCredentials | GaxCredentials> {
  if (c.kind === 'password') return { kind: 'password', password: c.password };
  return {
    kind: 'gax',
    confservTrusted: c.confservTrusted,
    tokenLifeMinutes: c.tokenLifeMinutes,
    tokenUuid: c.confservTrusted ? await services.resolveTokenUuid(c.tokenUuid) : '',
    preamble: c.preamble,
    ...(c.gaxClockOffsetSeconds !== undefined ? { gaxClockOffsetSeconds: c.gaxClockOffsetSeconds } : {}),
    ...(c.password !== undefined ? { password: c.password } : {}),
  };
}
