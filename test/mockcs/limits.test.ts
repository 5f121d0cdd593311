// Each limit and each kind of misbehaving client — and after each, a well-behaved client still logs in.
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { helloClient, LineClient, loginOnce, sleep, startMockCs, until, type Running } from './helpers.js';

let srv: Running | null = null;
afterEach(async () => {
  await srv?.stop();
  srv = null;
});

async function stillServes(port: number): Promise<void> {
  expect(await loginOnce(port, 'default', 'password')).toMatchObject({ type: 'ClientRegistered', userName: 'default' });
}

describe('maxLineBytes', { timeout: 30_000 }, () => {
  it('a line of exactly maxLineBytes (plus \\r\\n) is read; one byte more is FRAME_TOO_LARGE and closes', async () => {
    srv = await startMockCs({ maxLineBytes: 200 });
    const exact = (n: number) => {
      const base = '{"type":"Ping","requestId":1,"pad":""}';
      return base.replace('"pad":""', `"pad":"${'x'.repeat(n - base.length)}"`);
    };
    const { client } = await helloClient(srv.port);
    client.send(`${exact(200)}\r\n`);
    expect(await client.next()).toEqual({ type: 'Pong', requestId: 1 });
    client.send(`${exact(201)}\n`);
    expect(await client.next()).toMatchObject({ type: 'Error', requestId: null, code: 'FRAME_TOO_LARGE' });
    await client.closed;
    await stillServes(srv.port);
  });

  it('refuses an endless line as it arrives, without waiting for a newline', async () => {
    srv = await startMockCs({ maxLineBytes: 1024 });
    const { client } = await helloClient(srv.port);
    client.send('{"type":"Ping","requestId":1,"pad":"');
    client.send('y'.repeat(2000)); // no "\n" ever
    const answer = await client.next();
    expect(answer).toMatchObject({ code: 'FRAME_TOO_LARGE', requestId: null });
    expect(answer['message']).toMatch(/longer than 1024 bytes \(maxLineBytes\)/);
    await client.closed;
    await stillServes(srv.port);
  });

  it('a line split over many writes is put back together', async () => {
    srv = await startMockCs();
    const { client } = await helloClient(srv.port);
    const line = JSON.stringify({ type: 'RegisterClient', requestId: 5, clientName: 'GAX', userName: 'default', password: 'password' }) + '\r\n';
    for (let i = 0; i < line.length; i += 7) {
      client.send(line.slice(i, i + 7));
      await sleep(2);
    }
    expect(await client.next()).toMatchObject({ type: 'ClientRegistered', requestId: 5 });
    client.destroy();
  });
});

describe('misbehaving clients', { timeout: 30_000 }, () => {
  it('three BAD_FRAMEs in a row close the connection; a good line in between resets the count', async () => {
    srv = await startMockCs();
    const { client } = await helloClient(srv.port);
    client.send('junk\njunk\n{"type":"Ping","requestId":1}\njunk\njunk\n');
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await client.next());
    expect(answers.map((a) => a['code'] ?? a['type'])).toEqual(['BAD_FRAME', 'BAD_FRAME', 'Pong', 'BAD_FRAME', 'BAD_FRAME']);
    expect(client.ended).toBe(false);
    client.send('junk\n');
    const third = await client.next();
    expect(third).toMatchObject({ code: 'BAD_FRAME' });
    expect(third['message']).toMatch(/3 unreadable lines in a row/);
    await client.closed;
    await stillServes(srv.port);
  });

  it('survives random garbage bytes', async () => {
    srv = await startMockCs();
    const clients = await Promise.all([1, 2, 3, 4].map(() => LineClient.connect(srv!.port)));
    for (const c of clients) c.socket.write(randomBytes(50_000));
    await Promise.all(clients.map((c) => Promise.race([c.closed, sleep(3000)])));
    for (const c of clients) c.destroy();
    await stillServes(srv.port);
  });

  it('a client that leaves in the middle of a line does not hurt', async () => {
    srv = await startMockCs();
    const { client } = await helloClient(srv.port);
    client.send('{"type":"RegisterClient","requestId":1,"userNa');
    await sleep(20);
    client.end();
    await client.closed;
    await until(() => srv!.events.some((e) => e.kind === 'close' && e.message.includes('middle of a line')));
    await stillServes(srv.port);
  });

  it('IDLE_TIMEOUT: not registered in time, the connection is closed (pings do not help)', async () => {
    srv = await startMockCs({ registerTimeoutSeconds: 0.3 });
    const { client } = await helloClient(srv.port);
    const registered = (await helloClient(srv.port)).client;
    await registered.request({ type: 'RegisterClient', requestId: 1, userName: 'default', password: 'password' });
    await sleep(100);
    expect(await client.request({ type: 'Ping', requestId: 1 })).toMatchObject({ type: 'Pong' });
    const answer = await client.next(2000);
    expect(answer).toMatchObject({ type: 'Error', requestId: null, code: 'IDLE_TIMEOUT' });
    expect(answer['message']).toMatch(/within 0.3 s/);
    await client.closed;
    // The registered client is not affected.
    await sleep(300);
    expect(await registered.request({ type: 'Ping', requestId: 2 })).toEqual({ type: 'Pong', requestId: 2 });
    registered.destroy();
  });

  it('a client sending one byte at a time is cut off at the register timeout while others log in', async () => {
    srv = await startMockCs({ registerTimeoutSeconds: 0.6 });
    const { client } = await helloClient(srv.port);
    const line = JSON.stringify({ type: 'RegisterClient', requestId: 1, userName: 'default', password: 'password' }) + '\n';
    let stop = false;
    const dribble = (async () => {
      for (const ch of line) {
        if (stop || client.ended) return;
        client.send(ch);
        await sleep(50);
      }
    })();
    await stillServes(srv.port);
    expect(await client.next(3000)).toMatchObject({ code: 'IDLE_TIMEOUT' });
    await client.closed;
    stop = true;
    await dribble;
    await stillServes(srv.port);
  });

  it('TOO_MANY_ATTEMPTS on the maxFailedAttempts-th failure, with the last reason, then closed', async () => {
    srv = await startMockCs({ maxFailedAttempts: 3 });
    const { client } = await helloClient(srv.port);
    const attempt = (id: number, password: string) => client.request({ type: 'RegisterClient', requestId: id, userName: 'default', password });
    expect(await attempt(1, 'a')).toMatchObject({ code: 'BAD_PASSWORD' });
    // Not a registration attempt: does not count.
    expect(await client.request({ type: 'RegisterClient', requestId: 2, userName: 'default' })).toMatchObject({ code: 'BAD_REQUEST' });
    expect(await attempt(3, 'b')).toMatchObject({ code: 'BAD_PASSWORD' });
    const last = await attempt(4, 'c');
    expect(last).toMatchObject({ type: 'Error', requestId: 4, code: 'TOO_MANY_ATTEMPTS', detail: { lastCode: 'BAD_PASSWORD' } });
    expect(last['message']).toMatch(/^3 failed registrations on this connection \(maxFailedAttempts = 3\)/);
    await client.closed;
    await stillServes(srv.port);
  });

  it('a client that sends without reading is paused, not buffered without end', async () => {
    srv = await startMockCs();
    const { client } = await helloClient(srv.port);
    client.socket.pause();
    const burst = '{"type":"GetServerTime","requestId":1}\n'.repeat(20_000);
    for (let i = 0; i < 20; i++) client.socket.write(burst);
    const answered = () => srv!.events.filter((e) => e.request === 'GetServerTime').length;
    // Once the unread answers pile up the server stops reading: the count stops growing, far below 400,000.
    let before = -1;
    for (let i = 0; i < 40 && !(before > 0 && answered() === before); i++) {
      before = answered();
      await sleep(150);
    }
    await sleep(200);
    expect(answered()).toBe(before);
    expect(before).toBeLessThan(400_000);
    await stillServes(srv.port);
    await until(() => srv!.cs.status().connections === 1);
    client.destroy();
  });
});

describe('maxConnections', { timeout: 30_000 }, () => {
  it('a flood past maxConnections gets SERVER_BUSY instead of Hello, then closed; a freed slot serves again', async () => {
    srv = await startMockCs({ maxConnections: 3 });
    const held = await Promise.all([1, 2, 3].map(() => helloClient(srv!.port)));
    const flood = await Promise.all(Array.from({ length: 25 }, () => LineClient.connect(srv!.port)));
    for (const c of flood) {
      const first = await c.next();
      expect(first).toMatchObject({ type: 'Error', requestId: null, code: 'SERVER_BUSY' });
      expect(first['message']).toMatch(/maxConnections = 3/);
      await c.closed;
    }
    expect(srv.cs.status().connections).toBe(3);
    expect(srv.cs.status().counters.protocolErrors['SERVER_BUSY']).toBe(25);
    held[0]!.client.destroy();
    await until(() => srv!.cs.status().connections === 2);
    await stillServes(srv.port);
    for (const h of held) h.client.destroy();
  });
});
