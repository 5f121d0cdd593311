// `gax-token lab` as the real, built command: list/show/check exit codes, bad config files as one
// line with exit 2, and `lab start` serving a lab's broken CS that a real GAX login fails against.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src-main/cli/main.js';
import { runLogin } from '../../src-main/client/index.js';
import { cloneLabSetup, findScenario, LAB_SCENARIOS } from '../../src-main/core/labs/index.js';
import { labSetupToJson } from '../../src-main/labs/index.js';
import { expectOneLineError, runGaxToken, startGaxToken, waitForOutput } from '../helpers/cli.js';

const clock = findScenario('cs-clock-behind')!;

describe('gax-token lab', { timeout: 60_000 }, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gax-lab-cli-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('list: every lab with the code it fails with; --json the same as data', async () => {
    const text = await runGaxToken(['lab', 'list']);
    expect(text.code).toBe(0);
    const lines = text.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(LAB_SCENARIOS.length);
    LAB_SCENARIOS.forEach((s, i) => expect(lines[i]).toMatch(new RegExp(`^${s.id}\\s+${s.brokenCode}\\s+${s.title.replace(/[()]/g, '\\$&')}$`)));
    const json = await runGaxToken(['lab', 'list', '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      labs: LAB_SCENARIOS.map((s) => ({ id: s.id, title: s.title, brokenCode: s.brokenCode, fixIn: s.fixIn })),
    });
  });

  it('show: the story and tools, never the hints or the solution; --setup the broken setup JSON', async () => {
    const shown = await runGaxToken(['lab', 'show', 'cs-clock-behind']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(clock.story);
    for (const t of clock.tools) expect(shown.stdout).toContain(t.why);
    for (const h of clock.hints) expect(shown.stdout).not.toContain(h);
    expect(shown.stdout).not.toContain(clock.solution);
    expect(shown.stdout).not.toContain(clock.explanation);

    const json = JSON.parse((await runGaxToken(['lab', 'show', 'cs-clock-behind', '--json'])).stdout) as Record<string, unknown>;
    expect(json).toEqual({
      id: clock.id,
      title: clock.title,
      story: clock.story,
      storySource: clock.storySource,
      csRole: 'primary',
      brokenCode: clock.brokenCode,
      tools: clock.tools,
      fixIn: clock.fixIn,
    });

    const setup = await runGaxToken(['lab', 'show', 'cs-clock-behind', '--setup']);
    expect(setup.code).toBe(0);
    expect(setup.stdout).toBe(labSetupToJson(clock.broken));
  });

  it('--help on lab and on each subcommand (built CLI)', async () => {
    const runs = await Promise.all(
      [['lab', '--help'], ...['list', 'show', 'start', 'check'].map((sub) => ['lab', sub, '--help'])].map((a) => runGaxToken(a)),
    );
    for (const r of runs) expect(r.code).toBe(0);
    expect(runs[0]!.stdout).toMatch(/list\s+the labs/);
    ['list', 'show', 'start', 'check'].forEach((sub, i) => expect(runs[i + 1]!.stdout).toMatch(new RegExp(`^gax-token lab ${sub} — `)));
    expect(runs[3]!.stdout).toMatch(/published training value/);
    expect(runs[4]!.stdout).toMatch(/--config FILE/);
  });

  it('an unknown lab is exit 2 with one line (built CLI)', async () => {
    const unknown = await runGaxToken(['lab', 'show', 'no-such-lab']);
    expect(unknown.code).toBe(2);
    expect(expectOneLineError(unknown)).toBe('gax-token lab: unknown lab "no-such-lab": `gax-token lab list` shows the names');
  });

  // The rest of the usage errors in-process: the same runCli the binary runs, without a process each.
  it.each([
    [['lab', 'check', 'nope', '--config', 'x.json'], /^gax-token lab: unknown lab "nope": `gax-token lab list` shows the names$/],
    [['lab', 'start', 'nope'], /unknown lab "nope"/],
    [['lab', 'list', '--port', '1'], /--port is not an option of 'lab list'/],
    [['lab', 'check', 'user-disabled', '--setup'], /--setup is not an option of 'lab check'/],
    [['lab', 'explode'], /unknown lab command "explode": use list, show, start or check/],
    [['lab'], /'lab' needs COMMAND/],
    [['lab', 'show'], /'lab show' needs NAME/],
    [['lab', 'list', 'extra'], /'lab list' takes no arguments; unexpected "extra"/],
    [['lab', 'show', 'user-disabled', 'extra'], /'lab' takes at most 2; unexpected "extra"/],
    [['lab', 'check', 'user-disabled'], /'lab check' needs --config FILE/],
    [['lab', 'start', 'user-disabled', '--host', '0.0.0.0', '--port', '0'], /--host 0\.0\.0\.0 is not a loopback address: add --allow-network/],
    [['lab', 'start', 'user-disabled', '--port', '70000'], /--port must be from 0 to 65535/],
  ])('usage error %j → one line, exit 2', async (args, pattern) => {
    let stdout = '';
    let stderr = '';
    const code = await runCli(args as string[], {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      stdin: process.stdin,
      env: {},
      stopSignal: new Promise(() => {}),
    });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr.trimEnd()).toMatch(pattern as RegExp);
  });

  it('check: exit 1 for the broken setup, 0 for the fix, 1 for a wrong fix; --json is the LabCheckResult', async () => {
    const broken = join(dir, 'broken.json');
    await writeFile(broken, labSetupToJson(clock.broken));
    const r1 = await runGaxToken(['lab', 'check', 'cs-clock-behind', '--config', broken]);
    expect(r1.code).toBe(1);
    expect(r1.stdout).toMatch(/^Not solved: GAX's login is still refused \(NOT_YET_VALID\)/);
    expect(r1.stdout).toMatch(/- login-failed: /);
    expect(r1.stdout).toMatch(/- cs-clock-off: The CS host's clock is 10 min behind/);

    const fixed = cloneLabSetup(clock.broken);
    fixed.cs.clockOffsetSeconds = 0;
    const good = join(dir, 'fixed.json');
    await writeFile(good, labSetupToJson(fixed));
    const r2 = await runGaxToken(['lab', 'check', 'cs-clock-behind', '--config', good]);
    expect(r2.code).toBe(0);
    expect(r2.stdout).toMatch(/^Solved: GAX logs in as "rnaidoo" with a token/);
    expect(r2.stdout).toMatch(/accepted \(OK\), by token/);

    const widened = cloneLabSetup(clock.broken);
    widened.cs.tokenToleranceSeconds = 900;
    const wrong = join(dir, 'widened.json');
    await writeFile(wrong, labSetupToJson(widened));
    const r3 = await runGaxToken(['lab', 'check', 'cs-clock-behind', '--config', wrong, '--json']);
    expect(r3.code).toBe(1);
    const result = JSON.parse(r3.stdout) as { solved: boolean; login: { outcome: string }; problems: { id: string }[] };
    expect(result.solved).toBe(false);
    expect(result.login.outcome).toBe('accepted');
    expect(result.problems.map((p) => p.id)).toEqual(['tolerance-too-wide', 'cs-clock-off']);
  });

  it('check: a bad config file is one line with exit 2, naming the field and never quoting a token-uuid', async () => {
    const notJson = join(dir, 'not.json');
    await writeFile(notJson, '{"cs": {"tokenUuid": "7060cf9f-6b35-41af-9bff-b2022eaabc38",');
    const r1 = await runGaxToken(['lab', 'check', 'cs-clock-behind', '--config', notJson]);
    expect(r1.code).toBe(2);
    expect(expectOneLineError(r1)).toMatch(/--config .*not\.json: not valid JSON/);
    expect(r1.stderr).not.toContain('7060cf9f');

    const badField = cloneLabSetup(clock.broken) as unknown as { gax: Record<string, unknown> };
    badField.gax['tokenUUID'] = badField.gax['tokenUuid'];
    const typo = join(dir, 'typo.json');
    await writeFile(typo, JSON.stringify(badField));
    const r2 = await runGaxToken(['lab', 'check', 'cs-clock-behind', '--config', typo]);
    expect(r2.code).toBe(2);
    expect(expectOneLineError(r2)).toMatch(/gax: unknown field "tokenUUID"/);
    expect(r2.stderr).not.toContain('7060cf9f');

    const badUuid = cloneLabSetup(clock.broken);
    badUuid.cs.tokenUuid = '7060cf9f-6b35-41af-9bff-b2022eaabc3';
    const wrongUuid = join(dir, 'uuid.json');
    await writeFile(wrongUuid, labSetupToJson(badUuid));
    const r3 = await runGaxToken(['lab', 'check', 'cs-clock-behind', '--config', wrongUuid]);
    expect(r3.code).toBe(2);
    expect(expectOneLineError(r3)).toMatch(/cs\.tokenUuid: is not a UUID/);
    expect(r3.stderr).not.toContain('7060cf9f');

    const missing = await runGaxToken(['lab', 'check', 'cs-clock-behind', '--config', join(dir, 'absent.json')]);
    expect(missing.code).toBe(2);
    expect(expectOneLineError(missing)).toMatch(/no such file/);
  });

  it("start --port 0 serves the broken CS: a real GAX login fails with the lab's code, SIGTERM exits 0", async () => {
    const scenario = findScenario('ttl-shorter-than-life')!;
    const lab = startGaxToken(['lab', 'start', scenario.id, '--port', '0']);
    try {
      const port = Number((await waitForOutput(lab.stdout, /^listening on 127\.0\.0\.1:(\d+)$/m))[1]);
      await waitForOutput(lab.stderr, /Ctrl-C stops/);
      expect(lab.stderr()).toContain(scenario.story);
      expect(lab.stderr()).toContain(scenario.broken.gax.tokenUuid); // published training value, shown on purpose
      const { gax } = scenario.broken;
      const login = await runLogin({
        host: '127.0.0.1',
        port,
        userName: gax.userName,
        credentials: { kind: 'gax', confservTrusted: true, tokenLifeMinutes: gax.tokenLifeMinutes, tokenUuid: gax.tokenUuid, preamble: gax.preamble },
      });
      expect(login.outcome).toBe('rejected');
      expect(login.server?.code).toBe(scenario.brokenCode);
      await waitForOutput(lab.stdout, new RegExp(`MSGCFG_ERROR sent to .* user '${gax.userName}' .*${scenario.brokenCode}`));
    } finally {
      lab.child.kill('SIGTERM');
    }
    expect(await lab.exited).toBe(0);
    expect(lab.stderr()).toMatch(/stopped \(SIGTERM\)/);
  });
});

describe('gax-token lab start: class limits', { timeout: 90_000 }, () => {
  it('a lab served is a class: the 201st connection is refused (maxConnections = 200), 50 per address, and an idle one is closed at 15 s', async () => {
    const { connect } = await import('node:net');
    const { LineClient } = await import('../mockcs/helpers.js');
    const scenario = findScenario('cs-mode-disabled')!;
    const user = scenario.broken.cs.users.find((u) => u.password !== undefined)!;
    const lab = startGaxToken(['lab', 'start', scenario.id, '--port', '0']);
    const clients: InstanceType<typeof LineClient>[] = [];
    const from = (address: string) =>
      new Promise<InstanceType<typeof LineClient>>((resolve, reject) => {
        const s = connect({ port, host: '127.0.0.1', localAddress: address }, () => resolve(new LineClient(s)));
        s.once('error', reject);
      }).then((c) => (clients.push(c), c));
    let port = 0;
    try {
      port = Number((await waitForOutput(lab.stdout, /^listening on 127\.0\.0\.1:(\d+)$/m))[1]);
      await waitForOutput(lab.stderr, /Ctrl-C stops/);
      const t0 = Date.now();
      const idle = await from('127.0.0.5');
      expect((await idle.next()).type).toBe('Hello');
      // 50 from each of three trainees' addresses, then 49 from the instructor's, all logged in.
      const answers = [];
      for (const [address, n] of [
        ['127.0.0.2', 50],
        ['127.0.0.3', 50],
        ['127.0.0.4', 50],
        ['127.0.0.1', 49],
      ] as const)
        answers.push(
          ...(await Promise.all(
            Array.from({ length: n }, async () => {
              const c = await from(address);
              await c.next(10_000);
              return c.request({ type: 'RegisterClient', requestId: 1, userName: user.userName, password: user.password });
            }),
          )),
        );
      expect(answers.filter((m) => m.type === 'ClientRegistered').length).toBe(199);
      const late = await from('127.0.0.9');
      const refused = await late.next();
      expect(refused).toMatchObject({ type: 'Error', code: 'SERVER_BUSY' });
      expect(refused['message']).toMatch(/^200 connections are open, the most this server takes \(maxConnections = 200\)/);
      const greedy = await from('127.0.0.2');
      expect((await greedy.next())['message']).toMatch(/50 connections from 127\.0\.0\.2 .*maxConnectionsPerAddress = 50/);
      // The register timeout is the class's 15 s, counted from the connect.
      const timeout = await idle.next(30_000);
      expect(timeout).toMatchObject({ code: 'IDLE_TIMEOUT' });
      expect(timeout['message']).toMatch(/not registered within 15 s/);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(14_500);
    } finally {
      for (const c of clients) c.destroy();
      lab.child.kill('SIGTERM');
    }
    expect(await lab.exited).toBe(0);
  });

  it('--help names the class limits', async () => {
    const help = await runGaxToken(['lab', 'start', '--help']);
    expect(help.stdout).toMatch(
      /at most 200 connections \(the last 20 kept for\s+127\.0\.0\.1, the instructor\), 50 from one remote address, 15 s to register, closed after 5 failed attempts/,
    );
  });
});
