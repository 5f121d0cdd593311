// gax-token completion: scripts generated from the command specs, checked by the shells themselves
// (bash -n, and bash actually completing; zsh -n / fish -n where those shells are installed).
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { completionModel } from '../../src-main/cli/commands/completion.js';
import { COMMANDS } from '../../src-main/cli/commands/index.js';
import { LAB_SCENARIOS } from '../../src-main/core/labs/index.js';
import { expectOneLineError, runGaxToken } from '../helpers/cli.js';

const has = (shell: string) => spawnSync(shell, ['-c', 'exit 0']).status === 0;

/** What bash's completion function offers for the words typed so far (the last one being completed). */
function bashCompletes(script: string, words: string[]): string[] {
  const program = `${script}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _gax_token; printf '%s\\n' "\${COMPREPLY[@]}"`;
  return execFileSync('bash', ['-c', program], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

describe('gax-token completion', { timeout: 60_000 }, () => {
  it('bash: passes bash -n and completes commands, subcommands, flags, values and lab names', async () => {
    const r = await runGaxToken(['completion', 'bash']);
    expect(r.code).toBe(0);
    expect(spawnSync('bash', ['-n'], { input: r.stdout }).status).toBe(0);
    expect(bashCompletes(r.stdout, ['gax-token', 'la'])).toEqual(['lab']);
    expect(bashCompletes(r.stdout, ['gax-token', 'lab', 's'])).toEqual(['show', 'start']);
    expect(bashCompletes(r.stdout, ['gax-token', 'lab', 'start', '--p'])).toEqual(['--port']);
    expect(bashCompletes(r.stdout, ['gax-token', 'lab', 'show', 'cs-'])).toEqual(LAB_SCENARIOS.map((s) => s.id).filter((id) => id.startsWith('cs-')));
    expect(bashCompletes(r.stdout, ['gax-token', 'serve', '--mode', ''])).toEqual(['enable', 'disable']);
    expect(bashCompletes(r.stdout, ['gax-token', 'mint', '--uuid-f'])).toEqual(['--uuid-file']);
    expect(bashCompletes(r.stdout, ['gax-token', 'completion', 'p'])).toEqual(['powershell']);
    // a file argument completes file names: the test's own folder has a package.json
    expect(bashCompletes(r.stdout, ['gax-token', 'doctor', 'package.j'])).toEqual(['package.json']);
    expect(bashCompletes(r.stdout, ['gax-token', 'serve', '--config', 'package.j'])).toEqual(['package.json']);
  });

  it('is generated from the specs: every command, subcommand and flag is in every script', async () => {
    const model = await completionModel(COMMANDS);
    expect(model.commands.map((c) => c.name)).toEqual(Object.keys(COMMANDS));
    for (const shell of ['bash', 'zsh', 'fish', 'powershell']) {
      const r = await runGaxToken(['completion', shell]);
      expect(r.code, r.stderr).toBe(0);
      for (const leaf of model.leaves) {
        const command = await COMMANDS[leaf.path[0]!]!.load();
        const spec = leaf.path.length === 1 ? command.spec : command.subcommands![leaf.path[1]!]!;
        for (const name of Object.keys(spec.options))
          expect(r.stdout, `${shell}: ${leaf.path.join(' ')} --${name}`).toContain(shell === 'fish' ? `-l ${name}` : `--${name}`);
      }
      for (const c of model.commands) for (const sub of c.subcommands) expect(r.stdout).toContain(sub);
    }
  });

  // From a file: fish does not read a script from a pipe Node opened as its stdin.
  it.skipIf(!has('zsh'))('zsh: passes zsh -n', async () => {
    const r = await runGaxToken(['completion', 'zsh']);
    const file = path.join(os.tmpdir(), `gax-token-${process.pid}.zsh`);
    writeFileSync(file, r.stdout);
    const check = spawnSync('zsh', ['-n', file], { encoding: 'utf8' });
    rmSync(file);
    expect(check.status, check.stderr).toBe(0);
  });

  it.skipIf(!has('fish'))('fish: passes fish -n, and completes from it', async () => {
    const r = await runGaxToken(['completion', 'fish']);
    const file = path.join(os.tmpdir(), `gax-token-${process.pid}.fish`);
    writeFileSync(file, r.stdout);
    const check = spawnSync('fish', ['-n', file], { encoding: 'utf8' });
    const offered = spawnSync('fish', ['-c', `source ${file}; complete -C 'gax-token serve --mode '`], { encoding: 'utf8' });
    rmSync(file);
    expect(check.status, check.stderr).toBe(0);
    expect(
      offered.stdout
        .split('\n')
        .map((l) => l.split('\t')[0])
        .filter(Boolean)
        .sort(),
    ).toEqual(['disable', 'enable']);
  });

  it('an unknown or missing shell is one line, exit 2', async () => {
    const a = await runGaxToken(['completion', 'tcsh']);
    expect(a.code).toBe(2);
    expect(expectOneLineError(a)).toContain('no completion for "tcsh": use bash, zsh, fish, powershell');
    const b = await runGaxToken(['completion']);
    expect(b.code).toBe(2);
    expect(expectOneLineError(b)).toContain("'completion' needs SHELL");
  });
});
