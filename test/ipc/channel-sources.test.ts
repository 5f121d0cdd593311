// A new channel is two source files — its contract entry and its handler — plus its contract case:
// the names are typed once, in the contract, and everything else derives from its keys.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { events, requests, EVENT_CHANNELS, REQUEST_CHANNELS } from '../../src-main/ipc/contract/index.js';
import { joinHandlers } from '../../src-main/ipc/register.js';
import { CASES } from './contract-cases.js';
import { ROOT, sourceFiles } from '../architecture/import-graph.js';

describe('channel names come from the contract alone', () => {
  it('the lists main and the preload build use are the contract keys, in order', () => {
    expect(REQUEST_CHANNELS).toEqual(Object.keys(requests));
    expect(EVENT_CHANNELS).toEqual(Object.keys(events));
    expect(Object.keys(CASES).sort()).toEqual([...REQUEST_CHANNELS].sort());
  });

  it('the preload build takes its lists from the contract, not from a list of its own', () => {
    const config = readFileSync(path.join(ROOT, 'vite.preload.config.ts'), 'utf8');
    expect(config).toMatch(/from '\.\/src-main\/ipc\/contract\/index\.js'/);
    const preload = readFileSync(path.join(ROOT, 'src-main/app/preload.ts'), 'utf8');
    for (const channel of REQUEST_CHANNELS) expect(preload, channel).not.toContain(`'${channel}'`);
  });

  it('no file of src-main names a request channel except its contract entry and its handler', () => {
    const elsewhere: string[] = [];
    for (const file of sourceFiles('src-main')) {
      // contract-fits.ts is the contract's own compile-time check against the domain types
      if (file.startsWith('src-main/ipc/contract') || file.startsWith('src-main/ipc/handlers/')) continue;
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      // mockcs.status is also an event's name, which the events module sends by name
      for (const channel of REQUEST_CHANNELS)
        if (text.includes(`'${channel}'`) && !(EVENT_CHANNELS as string[]).includes(channel)) elsewhere.push(`${file}: ${channel}`);
    }
    expect(elsewhere).toEqual([]);
  });

  it('each request channel is handled by exactly one handler file', () => {
    const owners = new Map<string, string[]>();
    for (const file of sourceFiles('src-main/ipc/handlers')) {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      for (const channel of REQUEST_CHANNELS)
        if (new RegExp(`^\\s+(?:async )?'${channel.replace(/\./g, '\\.')}'\\(`, 'm').test(text))
          owners.set(channel, [...(owners.get(channel) ?? []), file]);
    }
    expect(REQUEST_CHANNELS.filter((c) => owners.get(c)?.length !== 1).map((c) => `${c}: ${owners.get(c)?.join(', ') ?? 'no handler'}`)).toEqual([]);
  });
});

describe('joinHandlers', () => {
  const a = async (): Promise<string> => 'a';
  const b = async (): Promise<string> => 'b';

  it('joins groups into one object of handlers', () => {
    const joined = joinHandlers([{ 'x.one': a }, { 'x.two': b }] as const);
    expect(Object.keys(joined)).toEqual(['x.one', 'x.two']);
    expect(joined['x.two']).toBe(b);
  });

  it('refuses a channel handled by two groups, naming it', () => {
    expect(() => joinHandlers([{ 'x.one': a }, { 'x.one': b }] as const)).toThrow('two handlers for the channel "x.one"');
  });
});
