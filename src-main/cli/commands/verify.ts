import { DEFAULT_PREAMBLE, checkPreamble, decide, decisionView, isoSeconds, type Decision } from '../../core/index.js';
import { GENESYS_MAX_INT } from '../../core/options/catalog.js';
import { UsageError } from '../args.js';
import { EXIT, formatFields, defineCommand } from '../command.js';
import { printJson } from '../io.js';
import { resolveTokenArgument, resolveTokenUuid, uuidOptions } from '../secrets.js';
import { pasteMistakeJson, sourceJson, sourceTag } from '../source-tag.js';

export const verify = defineCommand({
  spec: {
    name: 'verify',
    summary: "the Configuration Server's decision on a token at an instant",
    positionals: [{ name: 'TOKEN', required: true, description: 'the Password value, or - to read it from stdin' }],
    options: {
      ...uuidOptions,
      user: { type: 'string', value: 'NAME', description: 'the UserName of the login request (checked against the token)' },
      now: {
        type: 'integer',
        value: 'EPOCH_SECONDS',
        min: 0,
        max: Number.MAX_SAFE_INTEGER,
        description: "the CS clock (default: this machine's clock)",
      },
      tolerance: { type: 'integer', value: 'S', min: 0, max: GENESYS_MAX_INT, description: 'CS token-tolerance in seconds (0 = unset = 60)' },
      ttl: { type: 'integer', value: 'MIN', min: 0, max: GENESYS_MAX_INT, description: 'CS token-ttl in minutes (0 = unset)' },
      'gax-life': {
        type: 'integer',
        value: 'MIN',
        min: 0,
        max: GENESYS_MAX_INT,
        description: 'GAX token_life_in_minutes as the CS reads it (0 = unset)',
      },
      preamble: { type: 'string', value: 'P', description: `the preamble, CS token-preambula (default ${DEFAULT_PREAMBLE})` },
      json: { type: 'boolean', description: 'one JSON object on stdout' },
    },
    notes: `The decision is the tool's model of a CS: PXZ-1 tokens (the tool's reference format; real GAX
tokens cannot be verified here), with the validity window of token-ttl and token-tolerance as
documented for Configuration Server Proxy. Each explanation is tagged: [genesys ID] a Genesys
document, [model] the tool's model, [advice] its judgement; --json carries "source": {"kind","id"}.

examples:
  gax-token verify "$TOKEN" --uuid-file cs-token-uuid.txt --user default
  echo "$TOKEN" | gax-token verify - --ttl 10 --now 1767239000 --json

Exit: 0 accepted, 1 rejected or malformed (the code and the fix say why), 2 bad arguments.`,
  },
  async run(args, io) {
    const preamble = args.options['preamble'] ?? DEFAULT_PREAMBLE;
    const badPreamble = checkPreamble(preamble);
    if (badPreamble) throw new UsageError(`--preamble: ${badPreamble}`);
    const tokenUuid = (await resolveTokenUuid(args, io, true))!;
    const value = await resolveTokenArgument(args, io);
    const d = decide({
      value,
      tokenUuid,
      preamble,
      userName: args.options['user'],
      now: args.options['now'] ?? Date.now() / 1000,
      options: {
        tokenToleranceSeconds: args.options['tolerance'],
        tokenTtlMinutes: args.options['ttl'],
        gaxTokenLifeMinutes: args.options['gax-life'],
      },
    });
    if (args.options['json']) printJson(io, verifyJson(value, d));
    else io.stdout.write(verifyText(d));
    return d.code === 'OK' ? EXIT.OK : EXIT.REJECTED;
  },
});

/**
 * The one decision view IPC answers with, plus the flat fields this command printed before it
 * (username, iat, exp, validFrom…, checks), which scripts may read. The source stays {kind, id}.
 */
function verifyJson(value: string, d: Decision): Record<string, unknown> {
  return {
    ...decisionView(value, d),
    source: sourceJson(d.source),
    pasteMistake: pasteMistakeJson(d),
    ...(d.decoded ? { username: d.decoded.username, iat: d.decoded.iat, exp: d.decoded.exp } : {}),
    ...(d.window
      ? {
          validFrom: d.window.validFrom,
          validUntil: d.window.validUntil,
          ttlMinutes: d.window.ttlMinutes,
          ttlSource: d.window.ttlSource,
          toleranceSeconds: d.window.toleranceSeconds,
        }
      : {}),
    checks: d.steps.map((s) => ({ id: s.id, status: s.status, detail: s.detail })),
  };
}

function verifyText(d: Decision): string {
  const head = `${d.code === 'OK' ? 'ACCEPTED' : `REJECTED ${d.code}`} — ${d.message} ${sourceTag(d.source)}`;
  const rows: [string, string][] = [['CS clock', `${isoSeconds(d.now)} (${d.now})`]];
  if (d.decoded) rows.push(['token', `user "${d.decoded.username}", issued ${isoSeconds(d.decoded.iat)}, expires ${isoSeconds(d.decoded.exp)}`]);
  if (d.window)
    rows.push([
      'window',
      `${isoSeconds(d.window.validFrom)} – ${isoSeconds(d.window.validUntil)} (ttl ${d.window.ttlMinutes} min from ${d.window.ttlSource}, tolerance ${d.window.toleranceSeconds} s)`,
    ]);
  let out = `${head}\n${formatFields(rows)}`;
  for (const w of d.warnings) out += `warning: ${w}\n`;
  if (d.code !== 'OK') out += `fix: ${d.hint}\n`;
  return out;
}
