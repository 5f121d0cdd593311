/** Mock CS requests: thin over MockCs, one change at a time, each answered with the new view. */
import { mergeMockCsOptions, type MockCsUser } from '../../mockcs/index.js';
import { isLoopbackHost } from '../../shared/loopback.js';
import type { HandlersOf } from '../contract/index.js';
import type { mockCsRequests } from '../contract/mockcs.js';
import { HandlerError } from '../result.js';
import type { IpcServices } from '../context.js';
import { prepareTryIt, updateTryIt } from './try-it.js';

export function mockCsHandlers(services: IpcServices): HandlersOf<typeof mockCsRequests> {
  return {
    async 'mockcs.status'() {
      return services.frontMockCs().view();
    },
    async 'mockcs.start'(input) {
      const patch = input?.options;
      return services.changeMockCs(async (cs) => {
        if (patch) await cs.updateOptions(patch);
        await cs.start();
      });
    },
    async 'mockcs.stop'() {
      return services.changeMockCs((cs) => cs.stop());
    },
    async 'mockcs.options.update'({ patch }) {
      return services.changeMockCs((cs) => cs.updateOptions(patch));
    },
    async 'mockcs.tokenUuid.regenerate'() {
      return services.changeMockCs((cs) => cs.regenerateTokenUuid());
    },
    async 'mockcs.tokenUuid.reveal'() {
      const cs = services.mockCs();
      return { tokenUuid: cs.tokenUuid(), source: cs.getOptions().tokenUuid === null ? ('generated' as const) : ('configured' as const) };
    },
    async 'mockcs.users.upsert'({ userName, enabled, password }) {
      return services.changeMockCs(async (cs) => {
        const users = cs.getOptions().users;
        const current = users.find((u) => u.userName === userName);
        const kept = password === undefined ? current?.password : (password ?? undefined);
        const user: MockCsUser = kept === undefined ? { userName, enabled } : { userName, enabled, password: kept };
        const next = current ? users.map((u) => (u === current ? user : u)) : [...users, user];
        await cs.updateOptions({ users: next });
      });
    },
    async 'mockcs.users.remove'({ userName }) {
      return services.changeMockCs(async (cs) => {
        const users = cs.getOptions().users;
        if (!users.some((u) => u.userName === userName))
          throw new HandlerError('UNKNOWN_USER', `the mock CS has no user ${JSON.stringify(userName)}`, 'Reload the list of users.');
        await cs.updateOptions({ users: users.filter((u) => u.userName !== userName) });
      });
    },
    async 'mockcs.listeners.set'({ listeners, allowNonLoopback }) {
      // The mock CS's own rules first, so a host that is not one is not mistaken for a remote one.
      const checked = mergeMockCsOptions(services.mockCs().getOptions(), { listeners });
      if (!checked.ok) throw new HandlerError('BAD_OPTIONS', checked.message, 'Correct that listener and try again; nothing was changed.');
      const exposed = listeners.filter((l) => !isLoopbackHost(l.host)).map((l) => l.host);
      if (exposed.length > 0 && !allowNonLoopback)
        throw new HandlerError(
          'NON_LOOPBACK',
          `listening on ${[...new Set(exposed)].join(', ')} opens the mock CS to other machines: anyone who reaches it can try logins and read its answers`,
          'Keep 127.0.0.1, or confirm that you want it reachable (a classroom) and try again.',
        );
      return services.changeMockCs((cs) => cs.updateOptions({ listeners }));
    },
    async 'mockcs.log.snapshot'(input) {
      return { events: services.mockCsLog.newest(input?.limit) };
    },
    async 'mockcs.log.clear'() {
      return { cleared: services.mockCsLog.clear() };
    },
    async 'mockcs.hosts'() {
      return { hosts: services.mockCsHostsView() };
    },
    async 'mockcs.tryIt.prepare'({ options, userName }) {
      return prepareTryIt(services, options, userName);
    },
    async 'mockcs.tryIt.update'({ patch }) {
      return updateTryIt(services, patch);
    },
  };
}
