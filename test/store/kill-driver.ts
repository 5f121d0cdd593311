/**
 * The kill test's child: writes settings and profiles through the store's API in a tight loop
 * until it is killed. Before each write it appends what it is about to write to a journal
 * (`S <seq>` or `P <seq>`), so the parent knows the last and the previous state of each file.
 *
 * Usage: node kill-driver.js <data dir> <journal file> <first seq>
 */
import { appendFileSync } from 'node:fs';
import { openStore } from '../../src-main/store/index.js';
import { tokenUuidFor, usersFor } from './kill-shared.js';

const [dir, journal, firstArg] = process.argv.slice(2);
if (!dir || !journal || !firstArg) {
  process.stderr.write('usage: kill-driver <data dir> <journal file> <first seq>\n');
  process.exit(2);
}

function stop(what: string, message: string): never {
  process.stderr.write(`${what}: ${message}\n`);
  process.exit(3);
}

const opened = await openStore({ dir });
if (!opened.ok) stop('open', opened.error.message);
const store = opened.data;
const cs = store.profiles.list().find((p) => p.kind === 'cs');
if (!cs) stop('open', 'the parent did not create the CS profile');
const first = Number(firstArg);
for (let seq = first; ; seq++) {
  appendFileSync(journal, `S ${seq}\n`);
  const s = await store.settings.update({ window: { x: seq, y: 0, width: 800 + (seq % 400), height: 600, maximized: seq % 2 === 0 } });
  if (!s.ok) stop('settings', s.error.message);

  appendFileSync(journal, `P ${seq}\n`);
  // Sizes vary with seq, so a file cut short or mixed from two writes could not pass for a whole one.
  const p = await store.profiles.update(cs.id, {
    options: { seq: String(seq), 'token-uuid': tokenUuidFor(seq), pad: 'x'.repeat(seq % 500) },
    users: usersFor(seq),
  });
  if (!p.ok) stop('profiles', p.error.message);
  // The parent's random delay starts once the loop runs at full speed (start-up is slow and varies).
  if (seq === first) process.stdout.write('writing\n');
}
