// CLI options are typed from each command's spec: a misspelt option or a wrong value type fails
// `tsc` (the @ts-expect-error lines below fail the type-check if they ever stop being errors).
import { describe, expect, expectTypeOf, it } from 'vitest';
import { parseArgs, type ArgsWith, type CommandSpec } from '../../src-main/cli/args.js';
import { defineCommand } from '../../src-main/cli/command.js';

const spec = {
  name: 'demo',
  summary: 'a demo',
  options: {
    life: { type: 'integer', value: 'MIN', min: 1, max: 100, description: 'minutes' },
    user: { type: 'string', value: 'NAME', description: 'a user' },
    json: { type: 'boolean', description: 'JSON' },
    tag: { type: 'list', value: 'T', description: 'tags' },
  },
} satisfies CommandSpec;

describe('options typed from the spec', () => {
  it('gives each option the type its spec declares', () => {
    const args = parseArgs(['--life', '5', '--user', 'ann', '--json', '--tag', 'a', '--tag', 'b'], spec);
    expectTypeOf(args.options.life).toEqualTypeOf<number | undefined>();
    expectTypeOf(args.options.user).toEqualTypeOf<string | undefined>();
    expectTypeOf(args.options.json).toEqualTypeOf<true | undefined>();
    expectTypeOf(args.options.tag).toEqualTypeOf<string[] | undefined>();
    expect(args.options).toEqual({ life: 5, user: 'ann', json: true, tag: ['a', 'b'] });
    // @ts-expect-error: no option --lief in the spec
    expect(args.options.lief).toBeUndefined();
    // @ts-expect-error: --life is a number, not a string
    const life: string | undefined = args.options.life;
    expect(life).toBe(5);
  });

  it('types run() of a command, and helpers by the options they read', async () => {
    const lifeOf = (a: ArgsWith<{ life: 'integer' }>): number => a.options.life ?? 60;
    const demo = defineCommand({
      spec,
      async run(args) {
        expectTypeOf(args.options.user).toEqualTypeOf<string | undefined>();
        return lifeOf(args);
      },
    });
    expect(await demo.run(parseArgs(['--life', '7'], spec), undefined as never)).toBe(7);
    const wrong = (a: ArgsWith<{ life: 'string' }>) => a.options.life;
    // @ts-expect-error: a helper reading --life as a string cannot take the args where it is an integer
    expect(wrong(parseArgs(['--life', '7'], spec))).toBe(7);
  });
});
