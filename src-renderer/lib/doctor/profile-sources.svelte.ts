/**
 * Saved profiles as doctor input. Each picked CS or GAX profile (a pair: both of its profiles) is
 * written as the option file its application would export. A token-uuid stays on the main side: it
 * never comes to this window to be sent back, so the file says it is set without its value, and
 * the report says the doctor did not see it. A CS profile's users are checked for token length.
 */
import { api } from '../api.js';
import type { RequestOutput } from '../../../src-main/ipc/contract/index.js';
import type { IpcError } from '../../../src-main/ipc/result.js';
import type { DoctorFileRequest } from './doctor-inputs.svelte.js';

type ProfileSummary = RequestOutput<'profiles.list'>['profiles'][number];
type ProfileView = RequestOutput<'profiles.get'>;

export interface ProfileFiles {
  files: DoctorFileRequest[];
  /** users of the picked CS profiles */
  users: string[];
  /** files whose secret options were left out, with the options' names */
  withheld: { file: string; options: string[] }[];
  /** profiles that could not be read, one line each */
  errors: IpcError[];
}

export class DoctorProfiles {
  list = $state<ProfileSummary[] | null>(null);
  loadError = $state<IpcError | null>(null);
  picked = $state<string[]>([]);

  async load(): Promise<void> {
    const r = await api.invoke('profiles.list', {});
    if (!r.ok) {
      this.loadError = r.error;
      return;
    }
    this.loadError = null;
    this.list = r.data.profiles;
    const ids = new Set(r.data.profiles.map((p) => p.id));
    this.picked = this.picked.filter((id) => ids.has(id));
  }

  isPicked(id: string): boolean {
    return this.picked.includes(id);
  }

  setPicked(id: string, on: boolean): void {
    this.picked = on ? [...new Set([...this.picked, id])] : this.picked.filter((x) => x !== id);
  }

  clear(): void {
    this.picked = [];
  }

  /** Reads the picked profiles (a pair's two members once each) and writes them as option files. */
  async fileRequests(): Promise<ProfileFiles> {
    const out: ProfileFiles = { files: [], users: [], withheld: [], errors: [] };
    const seen = new Set<string>();
    const add = async (id: string): Promise<void> => {
      if (seen.has(id)) return;
      seen.add(id);
      const r = await api.invoke('profiles.get', { id });
      if (!r.ok) {
        out.errors.push(r.error);
        return;
      }
      const view = r.data;
      if (view.kind === 'pair') {
        await add(view.csProfileId);
        await add(view.gaxProfileId);
        return;
      }
      const file = profileAsOptionFile(view);
      out.files.push(file.request);
      if (file.withheld.length) out.withheld.push({ file: file.request.name, options: file.withheld });
      if (view.kind === 'cs') out.users.push(...view.users.map((u) => u.userName));
    };
    for (const id of this.picked) await add(id);
    return out;
  }
}

/** A profile's options as the option file its application would export. */
export function profileAsOptionFile(view: Exclude<ProfileView, { kind: 'pair' }>): { request: DoctorFileRequest; withheld: string[] } {
  const application = view.kind;
  const section = application === 'cs' ? 'system' : 'general';
  const lines = [`# ${application === 'cs' ? 'CS' : 'GAX'} profile "${view.name}", saved in GAX Token Lab`, `[${section}]`];
  const withheld: string[] = [];
  for (const [name, value] of Object.entries(view.options)) {
    if (typeof value === 'string') lines.push(`${name}=${value}`);
    else if (value.set) withheld.push(name);
  }
  const label = `${application === 'cs' ? 'CS' : 'GAX'} profile “${view.name}”`;
  return { request: { name: label, text: `${lines.join('\n')}\n`, application }, withheld };
}
