/** What `gax-token login --report` puts in its report: the run, and the command that reruns it (secrets by reference). */
import type { LoginRequest, LoginResult } from '../client/index.js';
import { commandCredentials, commandTls, loginCommand, type ReportInput } from '../core/report/index.js';
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
    tls: commandTls(request.tls),
    userName: request.userName,
    clientName: request.clientName,
    credentials: commandCredentials(request.credentials, uuidFile),
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
