/**
 * The deployment as a whole. GAX may log in through any CS-side server it is given — the primary,
 * the backup after a switchover, a CS Proxy — so they must agree on every token option
 * (CS_OPTIONS_DIFFER). A master CS's local configuration file is said to be what it is, with what
 * the doctor cannot see in it (CS_LOCAL_CONFIG_FILE).
 */
import { DEFAULT_PREAMBLE } from '../../constants.js';
import { genesysSource, modelSource, type Source } from '../../sources.js';
import { parseTokenUuid, maskTokenUuid } from '../../uuid.js';
import { DEFAULT_TOLERANCE_SECONDS } from '../../window.js';
import type { OptionName } from '../../options/index.js';
import { acceptedNumber, csTokensEnabled, effective, showsTokenOptions } from '../model.js';
import type { AppModel, Draft, Edit, RuleContext } from '../types.js';
import { FILE_ROLE_LABEL } from '../types.js';
import { atLine, quote } from '../wording.js';

const COMPARED: readonly OptionName[] = ['token-authentication-mode', 'token-preambula', 'token-uuid', 'token-ttl', 'token-tolerance'];

interface Reading {
  /** what the two files are compared on: the value in effect (defaults filled in where Genesys publishes them) */
  key: string;
  /** how a message shows the value after "FILE has"; a token-uuid masked */
  shown: string;
  line: number | null;
  /** the value to write on the other file to agree, or null to take the line out */
  write: string | null;
}

function read(app: AppModel, name: OptionName): Reading {
  const e = effective(app, name);
  const line = e?.entry.line ?? null;
  switch (name) {
    case 'token-authentication-mode': {
      const on = csTokensEnabled(app);
      return { key: on ? 'enable' : 'off', shown: e ? quote(e.entry.value) : 'it not set (off)', line, write: on ? 'enable' : (e?.accepted ?? null) };
    }
    case 'token-preambula': {
      const value = e?.accepted ?? e?.entry.value;
      return { key: value ?? DEFAULT_PREAMBLE, shown: e ? quote(e.entry.value) : `it not set (${DEFAULT_PREAMBLE})`, line, write: value ?? null };
    }
    case 'token-uuid': {
      if (!e) return { key: '', shown: 'it not set (the value the primary master CS generated)', line, write: null };
      const parsed = parseTokenUuid(e.entry.value);
      return parsed.ok
        ? { key: parsed.canonical, shown: maskTokenUuid(parsed.canonical), line, write: null }
        : { key: `raw:${e.entry.value}`, shown: 'a value the tool cannot read as a UUID (not shown)', line, write: null };
    }
    case 'token-ttl': {
      const n = acceptedNumber(app, name);
      const set = n !== null && n > 0;
      return {
        key: set ? String(n) : 'unset',
        shown: set ? String(n) : "it not set (GAX's token life is used)",
        line,
        write: set ? String(n) : null,
      };
    }
    default: {
      const n = acceptedNumber(app, name);
      const seconds = n !== null && n > 0 ? n : DEFAULT_TOLERANCE_SECONDS;
      return {
        key: String(seconds),
        shown: n !== null && n > 0 ? String(n) : `it not set (${DEFAULT_TOLERANCE_SECONDS} s)`,
        line,
        write: e ? String(seconds) : null,
      };
    }
  }
}

const CONSEQUENCE: Record<string, string> = {
  'token-authentication-mode':
    'Token authentication is enabled per server (GAX-SECURE: "on all ports" of the CS that has it): through the one without it, a token in the Password field is not looked for and the login fails as a wrong password.',
  'token-preambula':
    "In the tool's model GAX puts its primary CS's preamble in front of every token: a server that looks for another preamble takes the token for a plain password and refuses it.",
  'token-uuid':
    "In the tool's model GAX signs with its primary CS's token-uuid (or the value the primary master CS generated when it is unset): a server that checks with another key refuses every token as a bad signature.",
  'token-ttl':
    'token-ttl sizes the window each server accepts a token in (documented for Configuration Server Proxy): a token one server accepts can be not yet valid at the other.',
  'token-tolerance':
    "token-tolerance widens each server's window (documented for Configuration Server Proxy): near its edges a token one server accepts is refused by the other.",
};

function sourceFor(name: OptionName): Source {
  if (name === 'token-authentication-mode') return genesysSource('GAX-SECURE');
  if (name === 'token-ttl' || name === 'token-tolerance') return genesysSource('CSP-SYSTEM');
  return modelSource('GAX-SIDE');
}

function differ(ref: AppModel, other: AppModel, name: OptionName, anyEnabled: boolean): Draft | null {
  const a = read(ref, name);
  const b = read(other, name);
  if (a.key === b.key) return null;
  const edits: Edit[] = [];
  const base = { application: 'cs' as const, file: other.fileName };
  const target = name === 'token-authentication-mode' && anyEnabled ? 'enable' : a.write;
  if (name === 'token-uuid')
    edits.push({
      kind: 'note',
      ...base,
      text: `make ${other.fileName}'s token-uuid the one ${ref.fileName}'s CS checks with (the token-uuid is never changed by this tool)`,
    });
  else if (target !== null) edits.push({ kind: 'set', ...base, name, value: target });
  else if (b.write !== null || effective(other, name)) edits.push({ kind: 'unset', ...base, name, line: b.line, note: `as in ${ref.fileName}` });
  return {
    id: 'CS_OPTIONS_DIFFER',
    severity: 'warning',
    source: sourceFor(name),
    message: `${ref.fileName} and ${other.fileName} disagree on [system] ${name}: ${ref.fileName} has ${a.shown}${atLine(a.line)}, ${other.fileName} has ${b.shown}${atLine(b.line)}`,
    why: `GAX logs in through whichever of them it reaches: the primary, the backup after a switchover, a CS Proxy. ${CONSEQUENCE[name]} The classic result: logins work until a switchover to the backup (or fail only through the proxy).`,
    edits,
    application: 'cs',
    file: other.fileName,
    line: b.line,
    option: name,
  };
}

function localConfig(app: AppModel): Draft {
  const shows = showsTokenOptions(app);
  return {
    id: 'CS_LOCAL_CONFIG_FILE',
    severity: 'info',
    message: `${app.fileName} is a ${FILE_ROLE_LABEL['cs-local-config']}, not an Application's options export`,
    why: shows
      ? `A master CS reads some options from the local file it starts from (Genesys doc CS-SYSTEM), so its [system] section was read as this CS's token options: the values used for this CS are ${app.fileName}'s. Whether the master CS takes the token options from here or from its Application object is not published: export that Application's options too, and the doctor compares them.`
      : `It tells the master CS how to reach its Configuration Database; it has no [system] section, so it holds none of the token options, and the doctor cannot see what this CS runs with. Export the CS Application's options and add that file.`,
    edits: [],
    application: 'cs',
    file: app.fileName,
    line: null,
    option: null,
  };
}

export function deploymentRule(ctx: RuleContext): Draft[] {
  const drafts: Draft[] = ctx.files.filter((f) => f.role === 'cs-local-config').map(localConfig);
  // The one GAX is configured against, as far as the files tell: named primary, else a CS with
  // token authentication on, else the first CS export given.
  const exports = ctx.cs.filter((f) => f.role === 'cs');
  const ref = exports.find((f) => /primary/i.test(f.fileName)) ?? exports.find(csTokensEnabled) ?? exports[0] ?? ctx.cs[0];
  if (!ref) return drafts;
  const anyEnabled = ctx.cs.some(csTokensEnabled) || ctx.gax.some((g) => effective(g, 'confserv_trusted')?.accepted === 'true');
  for (const other of ctx.cs) {
    if (other === ref) continue;
    for (const name of COMPARED) {
      const d = differ(ref, other, name, anyEnabled);
      if (d) drafts.push(d);
    }
  }
  return drafts;
}
