/**
 * The wizard's "Try it" runs on a mock CS of its own, so a trial login never replaces the user's
 * mock CS (their users, their token-uuid) nor an open lab's while the lab says it is running.
 */
import type { MockCsUser } from '../../mockcs/index.js';
import type { MockCsOptionsPatch, MockCsView } from '../contract/mockcs.js';
import type { MockCsHost } from '../../workbench/mockcs-host.js';
import type { IpcServices } from '../context.js';

export const TRY_IT_NAME = "the setup wizard's Try it";

function tryItHost(services: IpcServices): MockCsHost {
  return services.mockCsHosts.host('try-it', TRY_IT_NAME);
}

/** Applies the wizard's options, starts it on a free loopback port when stopped, and lets the user log in with a token. */
export async function prepareTryIt(
  services: IpcServices,
  options: MockCsOptionsPatch,
  userName: string,
): Promise<{ view: MockCsView; notes: string[] }> {
  const notes: string[] = [];
  const view = await tryItHost(services).change(async (cs) => {
    await cs.updateOptions(options);
    if (!cs.status().running) {
      await cs.updateOptions({ listeners: [{ host: '127.0.0.1', port: 0 }] });
      await cs.start();
    }
    const users = cs.getOptions().users;
    const existing = users.find((u) => u.userName === userName);
    if (existing?.enabled) return;
    // A Person without a password: it can log in only with a token, which is what is tried here.
    const user: MockCsUser = existing ? { ...existing, enabled: true } : { userName, enabled: true };
    await cs.updateOptions({ users: existing ? users.map((u) => (u === existing ? user : u)) : [...users, user] });
    notes.push(
      existing
        ? `The user "${userName}" was disabled on the trial mock CS; it is enabled now.`
        : `The user "${userName}" was added to the trial mock CS (token logins only: no password).`,
    );
  });
  return { view, notes };
}

export function updateTryIt(services: IpcServices, patch: MockCsOptionsPatch): Promise<MockCsView> {
  return tryItHost(services).change((cs) => cs.updateOptions(patch));
}
