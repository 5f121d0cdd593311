/**
 * The Labs controllers against the real main side (IPC runtime, mock CS, store in a temp folder):
 * the list and the open lab, a failing check then a fix through the GAX card's patch, hints and
 * reveal mirrored into the list, reset; the classroom controller on a loopback rehearsal listener,
 * its tally fed by the live events main pushes, and the way back.
 */
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { setBridge } from '../../../src-renderer/lib/api.js';
import { ServerStatus } from '../../../src-renderer/lib/app/server-status.svelte.js';
import { LabsController } from '../../../src-renderer/lib/labs/labs.svelte.js';
import { ClassroomController } from '../../../src-renderer/lib/labs/classroom.svelte.js';
import { findScenario } from '../../../src-main/core/labs/index.js';
import { runLogin } from '../../../src-main/client/index.js';
import type { RuntimeBridge } from '../runtime-bridge.js';
import { startLabsBridge } from './labs-bridge.js';

let bridge: RuntimeBridge;
beforeEach(async () => {
  bridge = await startLabsBridge();
});
afterEach(async () => {
  await bridge.close();
});

describe('LabsController', () => {
  it('opens a lab, checks, fixes GAX with a patch of what changed, and mirrors hints and reveal into the list', async () => {
    const labs = new LabsController();
    await labs.load();
    expect(labs.labs.length).toBeGreaterThanOrEqual(9);
    expect(labs.lab).toBeNull();
    const s = findScenario('gax-clock-ahead')!;
    expect(await labs.open(s.id)).toBe(true);
    expect(labs.lab?.scenario.title).toBe(s.title);
    expect(labs.labs.find((l) => l.id === s.id)?.progress.status).toBe('in-progress');

    expect(await labs.check()).toBe(true);
    expect(labs.lab?.lastCheck).toMatchObject({ solved: false, login: { code: 'NOT_YET_VALID' } });

    // the card starts clean; a bad offset is refused as typed, a good one makes a one-field patch
    expect(labs.gax.patch).toBeNull();
    expect(labs.gax.dirty).toBe(false);
    labs.gax.clockOffset = 'soon';
    expect(labs.gax.errorFor('clockOffset')).toBeTruthy();
    expect(await labs.saveGax()).toBe(false);
    labs.gax.clockOffset = '0';
    expect(labs.gax.patch).toEqual({ clockOffsetSeconds: 0 });
    expect(await labs.saveGax()).toBe(true);
    expect(labs.lab?.gax.clockOffsetSeconds).toBe(0);
    expect(await labs.check()).toBe(true);
    expect(labs.lab?.lastCheck?.solved).toBe(true);
    expect(labs.solvedCount).toBe(1);
    expect(labs.lab?.explanation).toEqual(s.explanation);

    expect(await labs.hint()).toBe(true);
    expect(labs.lab?.hints).toEqual([s.hints[0]]);
    expect(labs.labs.find((l) => l.id === s.id)?.progress.hintsShown).toBe(1);
    expect(await labs.reveal()).toBe(true);
    expect(labs.lab?.solution).toEqual(s.solution);
    expect(labs.labs.find((l) => l.id === s.id)?.progress.revealed).toBe(true);

    expect(await labs.reset()).toBe(true);
    expect(labs.lab?.progress.status).toBe('not-started');
    expect(labs.lab?.solution).toBeNull();
    expect(labs.lab?.gax.clockOffsetSeconds).toBe(600);
    expect(labs.solvedCount).toBe(0);
    // no request carried the token-uuid GAX signs with back to main
    expect(JSON.stringify(bridge.sent)).not.toContain(s.broken.cs.tokenUuid);
  });

  it('keeps an error next to the action that caused it', async () => {
    const labs = new LabsController();
    await labs.load();
    expect(await labs.check()).toBe(false);
    expect(labs.errorFor('check')?.code).toBe('NO_LAB_OPEN');
    expect(labs.errorFor('hint')).toBeNull();
    await labs.open('user-disabled');
    expect(labs.errorFor('check')).toBeNull();
  });

  it('lists the GAX fields that are wrong as typed, and keeps the token-user field shown once it was there', async () => {
    const labs = new LabsController();
    await labs.load();
    await labs.open('token-for-another-user');
    const g = labs.gax;
    expect(g.showTokenUser).toBe(true);
    g.tokenLife = '0';
    g.userName = '';
    g.clockOffset = 'soon';
    expect(Object.keys(g.errors).sort()).toEqual(['clockOffset', 'tokenLife', 'userName']);
    expect(g.patch).toBeNull();
    g.load(labs.lab!.gax, true);
    g.tokenUserName = '';
    expect(g.patch).toEqual({ tokenUserName: null });
    expect(await labs.saveGax()).toBe(true);
    expect(labs.lab?.gax.tokenUserName).toBeNull();
    expect(g.showTokenUser).toBe(true);
  });
});

/** A student's login as `default` (password) to the classroom listener on `port`, naming its client `clientName`. */
function loginAsDefault(port: number, clientName: string) {
  return runLogin({ host: '127.0.0.1', port, userName: 'default', clientName, credentials: { kind: 'password', password: 'password' } });
}

describe('ClassroomController', () => {
  it('needs an address and the confirmation, starts on a rehearsal listener, tallies live attempts, and goes back', async () => {
    const status = new ServerStatus();
    const room = new ClassroomController(status);
    await room.load();
    expect(room.classroom?.on).toBe(false);
    room.address = '127.0.0.1';
    room.port = '0';
    expect(room.canStart).toBe(false);
    room.confirmed = true;
    expect(room.canStart).toBe(true);
    const unlisten = room.listen();
    expect(await room.start()).toBe(true);
    expect(room.classroom?.on).toBe(true);
    expect(status.view?.listeners).toHaveLength(2);
    const port = room.classroom!.port!;
    expect(room.reachAt).toBe(`127.0.0.1:${port}`);

    for (const name of ['ada', 'ada', 'grace']) {
      const r = await loginAsDefault(port, name);
      expect(r.outcome).toBe('accepted');
    }
    await expect.poll(() => room.totals.attempts, { timeout: 3000 }).toBe(3);
    expect(room.rows.map((r) => [r.clientName, r.attempts, r.accepted])).toEqual([
      ['ada', 2, 2],
      ['grace', 1, 1],
    ]);

    // a second controller (the view opened again) finds the same counts in the log main kept
    const again = new ClassroomController(new ServerStatus());
    await again.load();
    expect(again.totals).toEqual(room.totals);

    unlisten();
    expect(await room.stop()).toBe(true);
    expect(room.classroom?.on).toBe(false);
    expect(room.rows).toEqual([]);
    expect(room.confirmed).toBe(false);
    expect(status.view?.listeners).toHaveLength(1);
  });

  it('counts an attempt that arrives while the kept log is read once, even in the same millisecond as its newest event', async () => {
    const room = new ClassroomController(new ServerStatus());
    await room.load();
    room.address = '127.0.0.1';
    room.port = '0';
    room.confirmed = true;
    expect(await room.start()).toBe(true);
    const port = room.classroom!.port!;
    for (const name of ['ada', 'grace']) {
      const r = await loginAsDefault(port, name);
      expect(r.outcome).toBe('accepted');
    }
    await room.load();
    expect(room.totals.attempts).toBe(2);

    // While the reopened view reads the log, the live stream delivers the log's newest event again
    // and a new attempt stamped in the same millisecond (a class logging in together).
    const again = new ClassroomController(new ServerStatus());
    setBridge(
      {
        invoke: async (channel, input) => {
          const r = await bridge.invoke(channel, input);
          if (channel === 'mockcs.log.snapshot' && r.ok) {
            const events = (r.data as { events: Parameters<ClassroomController['addEvents']>[0] }).events;
            const newest = events.findLast((e) => e.kind === 'register')!;
            again.addEvents([newest, { ...newest, clientName: 'linus', logLine: newest.logLine.replace('grace', 'linus') }]);
          }
          return r;
        },
        on: (event, listener) => bridge.on(event, listener),
      },
      'web',
    );
    await again.load();
    expect(again.totals.attempts).toBe(3);
    expect(again.rows.map((r) => [r.clientName, r.attempts])).toEqual([
      ['ada', 1],
      ['grace', 1],
      ['linus', 1],
    ]);
    setBridge(bridge, 'web');
    expect(await room.stop()).toBe(true);
  });

  it('says why a start is refused, in words', async () => {
    const room = new ClassroomController(new ServerStatus());
    await room.load();
    room.address = '203.0.113.9';
    room.confirmed = true;
    expect(await room.start()).toBe(false);
    expect(room.error?.code).toBe('ADDRESS_NOT_AVAILABLE');
    room.port = '70000';
    expect(room.portError).toBe('at most 65535');
    expect(room.canStart).toBe(false);
  });
});
