// By module, not the core's index: `decode` is the quick command and loads only what it runs.
import { DEFAULT_PREAMBLE } from '../../core/constants.js';
import { decide } from '../../core/decision.js';
import { checkPreamble } from '../../core/inputs.js';
import { humanDuration, isoSeconds } from '../../core/time-format.js';
import { UsageError } from '../args.js';
import { EXIT, formatFields, defineCommand } from '../command.js';
import { printJson } from '../io.js';
import { pasteMistakeJson, sourceJson, sourceTag } from '../source-tag.js';
import { resolveTokenArgument } from '../secrets.js';

export const decode = defineCommand({
  spec: {
    name: 'decode',
    summary: "show what a PXZ-1 token holds (the tool's reference format; no token-uuid needed, the signature is not checked)",
    positionals: [{ name: 'TOKEN', required: true, description: 'the Password value, or - to read it from stdin' }],
    options: {
      preamble: { type: 'string', value: 'P', description: `the preamble, CS token-preambula (default ${DEFAULT_PREAMBLE})` },
      json: { type: 'boolean', description: 'one JSON object on stdout' },
    },
    notes: `PXZ-1 is the tool's model of a token, not Genesys's format: Genesys does not publish the bytes of a
GAX token, so a real GAX token cannot be decoded here. A value that does not decode is "not in the
tool's reference format (PXZ-1)", nothing more. Text output tags the explanation [model].

examples:
  gax-token decode '{PXZ}AWlV7A9pVfC_ZGVmYXVsdDUEHO_lfXwaJe3X_HKNUvI'
  pbpaste | gax-token decode - --json

Exit: 0 decoded, 1 not a well-formed PXZ-1 token (the code says why), 2 bad arguments.`,
  },
  async run(args, io) {
    const preamble = args.options['preamble'] ?? DEFAULT_PREAMBLE;
    const badPreamble = checkPreamble(preamble);
    if (badPreamble) throw new UsageError(`--preamble: ${badPreamble}`);
    const value = await resolveTokenArgument(args, io);
    const d = decide({ value, preamble, now: Date.now() / 1000 });
    const t = d.decoded;
    if (args.options['json']) {
      printJson(
        io,
        t
          ? {
              code: 'OK',
              version: t.version,
              iat: t.iat,
              exp: t.exp,
              username: t.username,
              preamble,
              length: t.length,
              tagHex: t.tag.toString('hex'),
            }
          : { code: d.code, message: d.message, hint: d.hint, source: sourceJson(d.source), pasteMistake: pasteMistakeJson(d) },
      );
      return t ? EXIT.OK : EXIT.REJECTED;
    }
    if (!t) {
      io.stdout.write(`${d.code}: ${d.message} ${sourceTag(d.source)}\nfix: ${d.hint}\n`);
      return EXIT.REJECTED;
    }
    io.stdout.write(`PXZ-1 token, ${t.length} characters\n`);
    io.stdout.write(
      formatFields([
        ['preamble', preamble],
        ['version', String(t.version)],
        ['user', t.username],
        ['issued', `${isoSeconds(t.iat)} (${t.iat})`],
        ['expires', `${isoSeconds(t.exp)} (${t.exp}), ${humanDuration(t.exp - t.iat)} after issue`],
        ['signature', `${t.tag.toString('hex')} (not checked: use 'gax-token verify' with the token-uuid)`],
      ]),
    );
    return EXIT.OK;
  },
});
