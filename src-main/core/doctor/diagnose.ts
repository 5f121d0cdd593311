/**
 * The doctor: reads the files, runs every rule, and builds the corrected files.
 *
 * Fixes are applied, and the rules run again on the result, until nothing new appears (a few
 * rounds at most): a misspelt `token_ttl=5` becomes `token-ttl=5`, which may then be shorter than
 * the token life — that second finding is reported too, marked `afterFixes`. So the corrected
 * files, read back by the doctor, hold no error or warning that an option can fix.
 */
import { Correction, guardTokenUuid, renderFix } from './fix.js';
import { makeContext, modelFromParsed, showsTokenOptions } from './model.js';
import { notChecked } from './not-checked.js';
import { profilesInExport } from './read-profile-json.js';
import { readError, readOptionSet, readOptionText, type ParsedFile, type ReadError } from './reader.js';
import { withRole } from './roles.js';
import { RULE_INFO, RULES } from './rules/index.js';
import { SEVERITIES, type AppModel, type Draft, type DoctorInput, type DoctorResult, type Finding } from './types.js';

/** Enough for a rename, then its consequence, then that fix's consequence; the rules converge well before. */
const MAX_ROUNDS = 4;

function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const count = (seen.get(n) ?? 0) + 1;
    seen.set(n, count);
    return count === 1 ? n : `${n} (${count})`;
  });
}

function findingKey(d: Pick<Draft, 'id' | 'file' | 'option' | 'application'>): string {
  return `${d.id}|${d.application ?? ''}|${d.file ?? ''}|${d.option ?? ''}`;
}

export function diagnose(input: DoctorInput): DoctorResult {
  const names = uniqueNames(input.files.map((f) => f.name));
  const files: ParsedFile[] = [];
  const errors: ReadError[] = [];
  input.files.forEach((f, i) => {
    const name = names[i] ?? f.name;
    if ('options' in f) {
      files.push(readOptionSet(name, f.options));
      return;
    }
    const exported = profilesInExport(name, f.text);
    if (exported?.ok) {
      files.push(...exported.sets.map((s) => readOptionSet(s.name, s.set)));
      return;
    }
    if (exported) {
      errors.push(readError('NOT_A_PROFILE', name, null, exported.reason));
      return;
    }
    const read = readOptionText({ name, text: f.text, application: f.application, encoding: f.encoding });
    if (read.ok) files.push(read.file);
    else errors.push(read.error);
  });

  for (let i = 0; i < files.length; i++) files[i] = withRole(files[i] as ParsedFile);
  const corrections = files.map((f) => new Correction(modelFromParsed(f)));
  const findings: Finding[] = [];
  const seen = new Set<string>();
  let models: AppModel[] = files.map(modelFromParsed);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const ctx = makeContext(models, input.users, input.clockOffsetSeconds);
    // After the first round, info adds nothing: it would only restate what a fix already says.
    const fresh = RULES.flatMap((rule) => rule(ctx)).filter((d) => !seen.has(findingKey(d)) && (round === 0 || d.severity !== 'info'));
    if (fresh.length === 0) break;
    let changed = false;
    for (const d of fresh) {
      seen.add(findingKey(d));
      const { edits: drafted, source, ...rest } = d;
      const edits = guardTokenUuid(drafted);
      findings.push({
        ...rest,
        source: source ?? RULE_INFO[d.id].source,
        fix: renderFix(edits, d.application),
        afterFixes: round > 0,
      });
      for (const c of corrections) changed = c.apply(edits) || changed;
    }
    if (!changed) break;
    models = corrections.map((c) => c.model());
  }

  const fileOrder = new Map(names.map((n, i) => [n, i]));
  const rank = (f: Finding) => [
    SEVERITIES.indexOf(f.severity),
    f.file === null ? Number.MAX_SAFE_INTEGER : (fileOrder.get(f.file) ?? 0),
    f.line ?? Number.MAX_SAFE_INTEGER,
  ];
  findings.sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i++) if ((ra[i] ?? 0) !== (rb[i] ?? 0)) return (ra[i] ?? 0) - (rb[i] ?? 0);
    return 0;
  });
  const corrected = corrections.map((c) => {
    const result = c.result(input.revealSecrets === true);
    // A local file without [system] holds no token options: an empty [system] would read as "all set".
    if (showsTokenOptions(c.model()) || c.isChanged()) return result;
    return { ...result, text: `# ${c.fileName}: a master CS's local configuration file, with no token options to correct\n` };
  });
  return { files, findings, corrected, errors, notChecked: notChecked(files, input) };
}
