import {
  DEFAULT_PASSWORD_FIELD_LIMIT,
  DEFAULT_PREAMBLE,
  UINT32_MAX,
  checkPreamble,
  checkUsername,
  humanDuration,
  isoSeconds,
  mintAt,
  mintedView,
  passwordFieldFit,
} from '../../core/index.js';
import { GENESYS_MAX_INT } from '../../core/options/catalog.js';
import { UsageError } from '../args.js';
import { EXIT, formatFields, defineCommand } from '../command.js';
import { printJson } from '../io.js';
import { resolveTokenUuid, uuidOptions } from '../secrets.js';

export const mint = defineCommand({
  spec: {
    name: 'mint',
    summary: "mint a token in the tool's reference format (PXZ-1), as the tool's model of GAX does",
    options: {
      ...uuidOptions,
      user: { type: 'string', value: 'NAME', description: 'the username the token is for (required)' },
      life: { type: 'integer', value: 'MINUTES', min: 1, max: GENESYS_MAX_INT, description: 'token life, GAX token_life_in_minutes (default 60)' },
      now: { type: 'integer', value: 'EPOCH_SECONDS', min: 0, max: UINT32_MAX, description: "issue time (default: this machine's clock)" },
      preamble: { type: 'string', value: 'P', description: `the preamble, CS token-preambula (default ${DEFAULT_PREAMBLE})` },
      'password-field-limit': {
        type: 'integer',
        value: 'N',
        min: 1,
        max: 100000,
        description: `the Password field size to check against (default ${DEFAULT_PASSWORD_FIELD_LIMIT})`,
      },
      json: { type: 'boolean', description: 'one JSON object on stdout' },
    },
    notes: `examples:
  gax-token mint --uuid 3f2b8c1e-9d4a-4f6b-8e21-5c7d9a0b1e42 --user default
  GAX_TOKEN_UUID=… gax-token mint --user alice --life 20 --json

iat is --now (or the clock), exp = iat + life × 60. Exit: 0 minted, 2 bad arguments.

What is Genesys's and what is the model: Genesys publishes that GAX signs the username and expiry
with HMAC-SHA256 using token-uuid as a salt, prefixes the preamble, and that the token must fit the
Password field of the GAX interface (approximately 64 bytes) [genesys GAX-SECURE]. The bytes, the
key derivation and every exact length here are PXZ-1, the tool's reference format [model]: a real
CS or GAX does not read these tokens; the mock CS (gax-token serve) does.`,
  },
  async run(args, io) {
    const user = args.options['user'];
    if (user === undefined) throw new UsageError("'mint' needs --user NAME");
    const badUser = checkUsername(user);
    if (badUser) throw new UsageError(`--user: ${badUser}`);
    const preamble = args.options['preamble'] ?? DEFAULT_PREAMBLE;
    const badPreamble = checkPreamble(preamble);
    if (badPreamble) throw new UsageError(`--preamble: ${badPreamble}`);
    const tokenUuid = (await resolveTokenUuid(args, io, true))!;
    const life = args.options['life'] ?? 60;
    const now = args.options['now'] ?? Date.now() / 1000;
    const minted = mintAt({ tokenUuid, username: user, lifeMinutes: life, preamble }, now);
    if (!minted.ok) throw new UsageError(minted.code === 'INVALID_TIMES' ? `--now + --life: ${minted.reason}` : minted.reason);
    const limit = args.options['password-field-limit'] ?? DEFAULT_PASSWORD_FIELD_LIMIT;
    const fit = passwordFieldFit(preamble, user, limit);
    const t = minted.value;
    if (args.options['json']) {
      printJson(io, {
        ...mintedView(t),
        passwordFieldLimit: limit,
        fitsPasswordField: fit.fits,
        longestUsernameBytes: fit.longestUsernameBytes,
      });
      return EXIT.OK;
    }
    io.stdout.write(`${t.token}\n`);
    io.stdout.write(
      formatFields([
        ['user', t.username],
        ['issued', `${isoSeconds(t.iat)} (${t.iat})`],
        ['expires', `${isoSeconds(t.exp)} (${t.exp}), ${humanDuration(t.exp - t.iat)} after issue`],
        [
          'length',
          `${t.length} of ${limit} — ${fit.fits ? 'fits the Password field' : `${fit.over} too long for the Password field`} (PXZ-1 arithmetic; Genesys: approximately 64 bytes)`,
        ],
      ]),
    );
    if (!fit.fits)
      io.stderr.write(
        `warning: in PXZ-1 with preamble ${preamble} only usernames up to ${fit.longestUsernameBytes} bytes fit ${limit}; "${user}" is ${fit.usernameBytes} bytes — too long for a ${limit}-byte Password field [model]\n`,
      );
    return EXIT.OK;
  },
});
