/**
 * The classroom handout's lines: what a trainee types in Connect to be the lab's broken GAX, in
 * Connect's own field names, each a value to copy. Pure: built from the classroom listener and the
 * scenario's broken GAX side (never the instructor's edited one: trainees start where the lab starts).
 * The token-uuid is not a line here; it is shown only on an explicit Show (HandoutController).
 */
// Types from the contract itself (not the controllers): main's tests use these lines too.
import type { RequestOutput } from '../../../src-main/ipc/contract/index.js';

type ClassroomView = RequestOutput<'labs.classroom.status'>['classroom'];
export type BrokenGax = NonNullable<RequestOutput<'labs.current'>['lab']>['scenario']['brokenGax'];

export interface HandoutRow {
  id: 'host' | 'port' | 'fingerprint' | 'user' | 'trusted' | 'life' | 'clock' | 'preamble';
  /** the field's label in Connect */
  label: string;
  /** the GAX or CS option it stands for, when it has one */
  option: string | null;
  /** exactly what to type (what Copy copies) */
  value: string;
  /** how to enter it when it is not typed, e.g. "ticked" */
  how: string | null;
}

/** The lines before the token-uuid (where to log in, as whom) and after it, in Connect's order. */
export function handoutRows(room: ClassroomView, gax: BrokenGax): { before: HandoutRow[]; after: HandoutRow[] } {
  const before: HandoutRow[] = [];
  if (room.host !== null) before.push({ id: 'host', label: 'Host', option: null, value: room.host, how: null });
  if (room.port !== null) before.push({ id: 'port', label: 'Port', option: null, value: String(room.port), how: null });
  if (room.tls && room.fingerprint256)
    before.push({ id: 'fingerprint', label: 'SHA-256 fingerprint', option: null, value: room.fingerprint256, how: 'TLS: Pin a fingerprint' });
  before.push({ id: 'user', label: 'User', option: 'UserName', value: gax.userName, how: null });
  before.push({
    id: 'trusted',
    label: 'confserv_trusted',
    option: null,
    value: String(gax.confservTrusted),
    how: gax.confservTrusted ? 'tick the box' : 'leave the box unticked',
  });
  before.push({ id: 'life', label: 'Token life (minutes)', option: 'token_life_in_minutes', value: String(gax.tokenLifeMinutes), how: null });
  if (gax.clockOffsetSeconds !== 0)
    before.push({
      id: 'clock',
      label: 'GAX clock offset (s)',
      option: null,
      value: String(gax.clockOffsetSeconds),
      how: gax.clockOffsetSeconds > 0 ? 'GAX ahead' : 'GAX behind',
    });
  const after: HandoutRow[] = [{ id: 'preamble', label: 'Preamble', option: 'token-preambula', value: gax.preamble, how: null }];
  return { before, after };
}

/**
 * What this lab's GAX does that Connect cannot: a trainee typing the handout gets a different
 * answer than the lab's check. Said plainly so the instructor picks another lab for the class.
 */
export function handoutCaveats(gax: BrokenGax): string[] {
  const out: string[] = [];
  if (gax.tokenUserName !== null && gax.tokenUserName !== gax.userName)
    out.push(
      `This lab's GAX mints its token for "${gax.tokenUserName}" while it logs in as "${gax.userName}"; Connect mints it for the User it logs in as, so trainees typing these values are not refused the way the lab is.`,
    );
  if (gax.tokenSource.kind === 'replay')
    out.push(
      `This lab's GAX replays a token minted ${gax.tokenSource.issuedMinutesAgo} min earlier (valid ${gax.tokenSource.lifeMinutes} min); Connect mints a fresh one at each login, so trainees typing these values are not refused the way the lab is.`,
    );
  if (!gax.confservTrusted)
    out.push(
      "With confserv_trusted false, Connect asks for GAX's password instead of the token-uuid and preamble; the password is not on this handout.",
    );
  return out;
}
