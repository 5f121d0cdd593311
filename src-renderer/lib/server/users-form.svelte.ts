/**
 * The mock CS's Persons: add one, enable or disable, set or remove a password. A user without a
 * password can log in only with a token — the setup token authentication is meant for. Passwords
 * are typed here and sent once; main never sends them back (only whether there is one).
 */
import { api } from '../api.js';
import type { ServerStatus } from '../app/server-status.svelte.js';
import { checkUsername } from '../../../src-main/core/browser.js';
import { applyChange, type Problem } from './server-change.js';

export interface UserRow {
  userName: string;
  enabled: boolean;
  hasPassword: boolean;
}

export class UsersForm {
  newName = $state('');
  newPassword = $state('');
  /** the name field was left at least once: only then is an empty name an error */
  newNameTouched = $state(false);
  addProblem = $state<Problem | null>(null);
  adding = $state(false);
  /** the user whose row is changing, and the problem of the last change of a row */
  busyUser = $state<string | null>(null);
  rowProblem = $state<{ userName: string; problem: Problem } | null>(null);
  /** the user whose password is being typed */
  editing = $state<string | null>(null);
  editPassword = $state('');

  constructor(private readonly status: ServerStatus) {}

  readonly users = $derived.by((): UserRow[] => this.status.view?.options.users ?? []);

  readonly nameError = $derived.by((): string | null => {
    const name = this.newName;
    if (name === '') return this.newNameTouched ? 'enter a user name' : null;
    const bad = checkUsername(name);
    if (bad) return bad;
    return this.users.some((u) => u.userName === name) ? `"${name}" is already a user: change it in the list` : null;
  });

  readonly canAdd = $derived(this.newName !== '' && this.nameError === null && !this.adding);

  setNewName(v: string): void {
    this.newName = v;
    this.addProblem = null;
  }

  async add(): Promise<boolean> {
    this.newNameTouched = true;
    if (!this.canAdd) return false;
    this.adding = true;
    try {
      const password = this.newPassword === '' ? null : this.newPassword;
      this.addProblem = await applyChange(this.status, () => api.invoke('mockcs.users.upsert', { userName: this.newName, enabled: true, password }));
      if (this.addProblem) return false;
      this.newName = '';
      this.newPassword = '';
      this.newNameTouched = false;
      return true;
    } finally {
      this.adding = false;
    }
  }

  setEnabled(user: UserRow, enabled: boolean): Promise<boolean> {
    // password absent: main keeps the one it has
    return this.change(user.userName, () => api.invoke('mockcs.users.upsert', { userName: user.userName, enabled }));
  }

  startPassword(user: UserRow): void {
    this.editing = user.userName;
    this.editPassword = '';
    this.rowProblem = null;
  }

  cancelPassword(): void {
    this.editing = null;
    this.editPassword = '';
  }

  async savePassword(user: UserRow): Promise<boolean> {
    if (this.editPassword === '') {
      this.rowProblem = { userName: user.userName, problem: { message: 'type the new password, or use Remove password for a token-only user' } };
      return false;
    }
    const password = this.editPassword;
    const ok = await this.change(user.userName, () =>
      api.invoke('mockcs.users.upsert', { userName: user.userName, enabled: user.enabled, password }),
    );
    if (ok) this.cancelPassword();
    return ok;
  }

  removePassword(user: UserRow): Promise<boolean> {
    return this.change(user.userName, () => api.invoke('mockcs.users.upsert', { userName: user.userName, enabled: user.enabled, password: null }));
  }

  remove(user: UserRow): Promise<boolean> {
    return this.change(user.userName, () => api.invoke('mockcs.users.remove', { userName: user.userName }));
  }

  private async change(userName: string, call: Parameters<typeof applyChange>[1]): Promise<boolean> {
    this.busyUser = userName;
    try {
      const problem = await applyChange(this.status, call);
      this.rowProblem = problem ? { userName, problem } : null;
      return problem === null;
    } finally {
      this.busyUser = null;
    }
  }
}
