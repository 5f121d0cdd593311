/**
 * The kill test: a child process writes settings and profiles through the store in a tight loop
 * and is SIGKILLed at a random moment, many times. After every kill each file must parse and hold
 * either the state the child was writing or the one before it, and the store must open without a
 * notice, its secrets still decrypting.
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type CsProfile, type StoreResult } from '../../src-main/store/index.js';
import { buildForChild } from './child-build.js';
import { makeTempDir, removeDir } from './helpers.js';
import { tokenUuidFor, usersFor } from './kill-shared.js';

const ROUNDS = 40;
/** the kill lands up to this long after the child's first loop: spread over many writes */
const MAX_DELAY_MS = 100;

let work: string;
let driver: string;
beforeAll(async () => {
  work = await makeTempDir('gax-kill-');
  driver = await buildForChild(path.join(work, 'build'));
});
afterAll(async () => {
  await removeDir(work);
});

function must<T>(r: StoreResult<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data;
}

interface Killed {
  signal: NodeJS.Signals | null;
  code: number | null;
  stderr: string;
}

/** Starts the driver, waits until its loop runs, kills it after `delayMs`. */
function runAndKill(dataDir: string, journal: string, firstSeq: number, delayMs: number): Promise<Killed> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [driver, dataDir, journal, String(firstSeq)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.stdout.on('data', (b: Buffer) => {
      stdout += b.toString();
      if (stdout.includes('writing\n')) setTimeout(() => child.kill('SIGKILL'), delayMs).unref();
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, stderr }));
  });
}

/** The sequence numbers the child was about to write, per file, in order. */
async function readJournal(journal: string): Promise<{ S: number[]; P: number[] }> {
  const lines = (await fs.readFile(journal, 'utf8')).split('\n');
  lines.pop(); // the text after the last newline is not a whole entry
  const out = { S: [] as number[], P: [] as number[] };
  for (const line of lines) {
    const [file, seq] = line.split(' ');
    if (file === 'S' || file === 'P') out[file].push(Number(seq));
  }
  return out;
}

/** The last state asked for and the one before it (or the state at the start of the round). */
function allowedStates(intents: number[], before: number): number[] {
  const last = intents.at(-1);
  if (last === undefined) return [before];
  return [last, intents.at(-2) ?? before];
}

describe('the kill test', () => {
  it(`SIGKILL at random moments, ${ROUNDS} times: each file always parses and holds the last or the previous state`, async () => {
    const dataDir = path.join(work, 'data');
    const journal = path.join(work, 'journal');
    const setup = must(await openStore({ dir: dataDir }));
    must(await setup.settings.update({ secretStorage: 'key-file', window: { x: 0, y: 0, width: 800, height: 600, maximized: true } }));
    const cs = must(await setup.profiles.create({ kind: 'cs', name: 'Kill CS', options: { seq: '0', 'token-uuid': tokenUuidFor(0) } }));
    await setup.close();

    let state = { S: 0, P: 0 };
    let nextSeq = 1;
    const landed = { last: 0, previous: 0, writes: 0 };
    const started = Date.now();
    for (let round = 0; round < ROUNDS; round++) {
      await fs.writeFile(journal, '');
      const delay = Math.floor(Math.random() * MAX_DELAY_MS);
      const killed = await runAndKill(dataDir, journal, nextSeq, delay);
      expect(killed.signal, `round ${round}: the driver ended by itself (code ${killed.code}): ${killed.stderr}`).toBe('SIGKILL');
      const intents = await readJournal(journal);

      // The files as they are, read directly: whole JSON, holding one of the two allowed states.
      const settingsFile = JSON.parse(await fs.readFile(path.join(dataDir, 'settings.json'), 'utf8')) as { window: { x: number } };
      const profilesFile = JSON.parse(await fs.readFile(path.join(dataDir, 'profiles.json'), 'utf8')) as { profiles: { options: { seq: string } }[] };
      const s = settingsFile.window.x;
      const p = Number(profilesFile.profiles[0]!.options.seq);
      expect(allowedStates(intents.S, state.S), `round ${round}: settings.json`).toContain(s);
      expect(allowedStates(intents.P, state.P), `round ${round}: profiles.json`).toContain(p);
      for (const bak of ['settings.json.bak', 'profiles.json.bak']) {
        const text = await fs.readFile(path.join(dataDir, bak), 'utf8').catch(() => null); // none before the second write
        if (text !== null) JSON.parse(text);
      }

      // And through the store: nothing to recover, the secrets of that state decrypt.
      const check = must(await openStore({ dir: dataDir }));
      expect(check.notices).toEqual([]);
      expect(check.warnings).toEqual([]);
      expect(check.settings.get().window?.x).toBe(s);
      const profile = must(check.profiles.get(cs.id)) as CsProfile;
      expect(profile.options['token-uuid']).toBe(tokenUuidFor(p));
      expect(profile.users).toEqual(usersFor(p));
      await check.close();
      expect((await fs.readdir(dataDir)).filter((n) => n.includes('.tmp-'))).toEqual([]); // a killed writer's temp files are cleared

      for (const [file, value] of [
        ['S', s],
        ['P', p],
      ] as const) {
        if (intents[file].length === 0) continue;
        landed[value === intents[file].at(-1) ? 'last' : 'previous']++;
      }
      landed.writes += intents.S.length + intents.P.length;
      state = { S: s, P: p };
      nextSeq = Math.max(nextSeq, ...intents.S, ...intents.P) + 1;
    }
    // Most kills land during a write (the loop does little else), so both outcomes occur.
    expect(landed.last).toBeGreaterThan(0);
    expect(landed.previous).toBeGreaterThan(0);
    expect(landed.writes).toBeGreaterThanOrEqual(ROUNDS * 2); // each round wrote both files at least once
    console.log(
      `kill test: ${ROUNDS} kills over ${landed.writes} writes in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
        `a file held the state being written ${landed.last} times, the previous one ${landed.previous} times; never anything else`,
    );
  }, 180_000);
});
