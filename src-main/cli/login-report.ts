/** What `gax-token login --report` puts in its report: the run, and the command that reruns it (secrets by reference). */
import type { LoginRequest, LoginResult } from '../client/index.js';
import { loginCommand, type ReportInput } from '../core/report/index.js';
import type { ArgsWith } from './args.js';
import { appVersion } from './report-file.js';

export function loginReport(
  args: ArgsWith<{ 'uuid-file': 'string'; timeout: 'integer' }>,
  request: LoginRequest,
  result: LoginResult,
  startedAt: number,
): ReportInput {
  const c = request.credentials;
  const uuidFile = args.options['uuid-file'];
  const timeout = args.options['timeout'];
  const { command } = loginCommand({
    host: request.host,
    port: request.port,
    tls: request.tls
      ? { fingerprint256: request.tls.fingerprint256, hasCa: request.tls.caPem !== undefined, servername: request.tls.servername }
      : null,
    userName: request.userName,
    clientName: request.clientName,
    credentials:
      c.kind === 'password'
        ? { kind: 'password' }
        : {
            kind: 'gax',
            confservTrusted: c.confservTrusted,
            tokenLifeMinutes: c.tokenLifeMinutes,
            preamble: c.preamble,
            gaxClockOffsetSeconds: c.gaxClockOffsetSeconds,
            uuidFile,
          },
    timeoutMs: timeout,
  });
  return {
    kind: 'login',
    meta: { appVersion: appVersion(), createdAt: Date.now(), madeBy: 'gax-token login' },
    runs: [
      {
        target: `${request.host}:${request.port}${request.tls ? ' (TLS)' : ''}`,
        userName: request.userName,
        how: c.kind === 'gax' && c.confservTrusted ? 'token' : 'password',
        startedAt,
        result,
        command,
      },
    ],
  };
}
