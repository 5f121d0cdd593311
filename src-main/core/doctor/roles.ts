/**
 * What each file is, with the signal that said so. The application (CS or GAX) is detected first
 * (detect.ts); a CS-side file is then told apart:
 *   - a master CS's local configuration file (confserv.cfg / .conf): a [confserv] section with the
 *     Configuration Database's connection (dbserver, dbname, dbengine) or a [dbserver] section. An
 *     Application's options export never holds those: they live in the file the CS starts from.
 *   - a CS Proxy's options export: a [csproxy] section, or an option named proxy-… (the CS Proxy
 *     options are named so), or — the weakest signal, said as such — a file name with "proxy" in it.
 *   - otherwise a CS options export.
 */
import type { ParsedFile, ParsedSection } from './read-result.js';
import type { FileRole } from './types.js';

const DB_OPTIONS = ['dbserver', 'dbname', 'dbengine'];

function sectionNamed(sections: readonly ParsedSection[], name: string): ParsedSection | undefined {
  return sections.find((s) => s.name.toLowerCase() === name);
}

function localConfigSignal(sections: readonly ParsedSection[]): string | null {
  const confserv = sectionNamed(sections, 'confserv');
  if (!confserv) return null;
  const db = sections.flatMap((s) => s.options.map((o) => ({ s, o }))).find(({ o }) => DB_OPTIONS.includes(o.name.toLowerCase()));
  if (db)
    return `it has a [${confserv.name}] section and ${db.o.name} under [${db.s.name}]: the Configuration Database connection a master CS starts from`;
  const dbserver = sectionNamed(sections, 'dbserver');
  if (dbserver) return `it has a [${confserv.name}] and a [${dbserver.name}] section: the Configuration Database connection a master CS starts from`;
  return null;
}

function proxySignal(name: string, sections: readonly ParsedSection[]): string | null {
  const csproxy = sectionNamed(sections, 'csproxy');
  if (csproxy) return `it has a [${csproxy.name}] section`;
  const proxyOption = sections.flatMap((s) => s.options.map((o) => ({ s, o }))).find(({ o }) => /^proxy-/i.test(o.name));
  if (proxyOption) return `it has ${proxyOption.o.name} under [${proxyOption.s.name}], a CS Proxy option`;
  if (/proxy/i.test(name)) return 'its name says proxy (no [csproxy] section in it: say so if it is not a CS Proxy)';
  return null;
}

export function recogniseRole(file: ParsedFile): { role: FileRole; reason: string } {
  if (file.application === 'gax') return { role: 'gax', reason: file.applicationReason };
  const local = localConfigSignal(file.sections);
  if (local) return { role: 'cs-local-config', reason: local };
  const proxy = proxySignal(file.name, file.sections);
  if (proxy) return { role: 'csproxy', reason: proxy };
  return { role: 'cs', reason: `${file.applicationReason}; no [csproxy] section or proxy- option, no Configuration Database connection` };
}

/** The file with its role and reason filled in. */
export function withRole(file: ParsedFile): ParsedFile {
  const { role, reason } = recogniseRole(file);
  return { ...file, role, roleReason: reason };
}
