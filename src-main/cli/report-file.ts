/**
 * `--report OUT.html` for doctor and login: the same HTML report the app saves (src-main/report),
 * written atomically, so an interrupted run leaves the old file or the new one, never half of one.
 * Only a regular file is ever replaced: a report aimed at a device, a folder or a symlink is refused.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { renderReport, type ReportInput } from '../core/report/index.js';
import { errorCode, writeFileAtomic } from '../store/atomic-file.js';
import { UsageError, type OptionSpec } from './args.js';
import { describeFsError } from './io.js';

export const reportOption = {
  report: { type: 'string', value: 'OUT.html', description: 'also write a self-contained HTML report (no secrets) to this file' },
} satisfies Record<string, OptionSpec>;

/** The version a report names. */
export { packageVersion as appVersion } from './package-version.js';

/** Fails early (before a login or a diagnosis runs) when the report could not be written there. */
export async function checkReportTarget(target: string): Promise<void> {
  if (target === '' || target === '-') throw new UsageError('--report needs a file name such as report.html (it does not write to standard output)');
  let stat;
  try {
    stat = await fs.lstat(target);
  } catch (err) {
    if (errorCode(err) !== 'ENOENT') throw new UsageError(`--report ${target}: ${describeFsError(err)}`);
    const dir = path.dirname(path.resolve(target));
    const parent = await fs.stat(dir).catch(() => null);
    if (!parent?.isDirectory()) throw new UsageError(`--report ${target}: the folder ${dir} does not exist — create it or choose another path`);
    return;
  }
  if (!stat.isFile())
    throw new UsageError(
      `--report ${target}: it is ${stat.isDirectory() ? 'a folder' : stat.isSymbolicLink() ? 'a symbolic link' : 'not a regular file'}; the report replaces only a regular file — give a new file name`,
    );
}

/** Renders the report and writes it; a failure is one line naming the file and what to do. */
export async function writeReport(target: string, input: ReportInput): Promise<void> {
  await checkReportTarget(target);
  try {
    await writeFileAtomic(target, renderReport(input), { keepBackup: false, mode: 0o644 });
  } catch (err) {
    throw new UsageError(`--report ${target}: cannot write it: ${describeFsError(err)} — choose a folder you can write to`);
  }
}
