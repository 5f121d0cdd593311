// More than one mock CS at once, each with its owner: separate listeners, separate generated
// token-uuids and files, separate logs (each start and stop a line of its own host's log).
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MockCsHosts } from '../../src-main/workbench/mockcs-hosts.js';
import type { MockCsHost } from '../../src-main/workbench/mockcs-host.js';

let dir: string;
let hosts: MockCsHosts;
const seen: { owner: string; kind: string }[] = [];
const changed: string[] = [];

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'gtl-hosts-'));
  seen.length = 0;
  changed.length = 0;
  hosts = new MockCsHosts({
    dataDir: dir,
    clock: Date.now,
    listener: { event: (h, e) => seen.push({ owner: h.owner, kind: e.kind }), changed: (h) => changed.push(h.owner) },
  });
});
afterEach(async () => {
  await hosts.stopAll();
  await rm(dir, { recursive: true, force: true });
});

async function startOnFreePort(host: MockCsHost): Promise<number> {
  const view = await host.change(async (cs) => {
    await cs.updateOptions({ listeners: [{ host: '127.0.0.1', port: 0 }] });
    await cs.start();
  });
  return view.listeners[0]!.port;
}

function connectAndClose(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.destroy());
    socket.on('close', () => resolve());
    socket.on('error', reject);
  });
}

describe('MockCsHosts', () => {
  it("runs the user's mock CS and a lab's side by side, each its own", async () => {
    const user = hosts.host('user');
    const lab = hosts.host('lab:cs-clock-behind', 'The CS clock is 10 minutes behind');
    expect(hosts.host('user')).toBe(user);
    expect([user.name, lab.name]).toEqual(['your mock CS', 'The CS clock is 10 minutes behind']);

    const [userPort, labPort] = [await startOnFreePort(user), await startOnFreePort(lab)];
    expect(userPort).not.toBe(labPort);
    expect(user.cs().tokenUuid()).not.toBe(lab.cs().tokenUuid());
    expect(changed).toEqual(['user', 'lab:cs-clock-behind']);
    // each start is a line of its own host's log, naming whose mock CS it is and where it listens
    expect(seen).toEqual([
      { owner: 'user', kind: 'server' },
      { owner: 'lab:cs-clock-behind', kind: 'server' },
    ]);
    expect(user.log.newest().map((e) => [e.code, e.message])).toEqual([
      ['MOCKCS_STARTED', `your mock CS started, listening on 127.0.0.1:${userPort}`],
    ]);
    seen.length = 0;

    await connectAndClose(labPort);
    // the server sees the connection on its own turn of the event loop
    for (let i = 0; i < 200 && seen.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen.map((s) => s.owner))).toEqual(new Set(['lab:cs-clock-behind']));
    expect(user.log.size).toBe(1);
    expect(lab.log.size).toBe(seen.length + 1);

    await lab.stop();
    expect(lab.log.newest(1).map((e) => [e.kind, e.code, e.message])).toEqual([
      ['server', 'MOCKCS_STOPPED', `The CS clock is 10 minutes behind stopped (was on 127.0.0.1:${labPort})`],
    ]);
    expect(lab.log.newest(1)[0]!.logLine).toMatch(/ Std ----- MOCKCS_STOPPED: The CS clock is 10 minutes behind stopped/);
  });

  it("keeps the user's files where they always were and another owner's in a folder of its own", async () => {
    hosts.host('user').cs().tokenUuid();
    hosts.host('try-it').cs().tokenUuid();
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(dir)).toEqual(expect.arrayContaining(['mockcs', 'mockcs-token-uuid']));
    expect(await readdir(path.join(dir, 'mockcs'))).toEqual(['try-it']);
  });

  it('stops every host it made', async () => {
    const a = hosts.host('user');
    const b = hosts.host('try-it');
    await startOnFreePort(a);
    await startOnFreePort(b);
    await hosts.stopAll();
    expect([a.cs().status().running, b.cs().status().running]).toEqual([false, false]);
    expect(hosts.existing('lab:none')).toBeUndefined();
  });
});
