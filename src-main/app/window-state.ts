/**
 * The main window's size and position, kept in a small JSON file in the user-data folder.
 * Losing it costs only a default-sized window, so a missing or unreadable file is simply ignored;
 * writes still go through a temp file and a rename so a crash never leaves half a file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { BoundsStore } from './windows.js';
import type { Bounds } from './window-bounds.js';

const WINDOW_STATE_FILE = 'window-state.json';

const boundsSchema = z.object({
  x: z.number(),
  y: z.number(),
  width: z.number().positive(),
  height: z.number().positive(),
  maximized: z.boolean().optional(),
});

/** A BoundsStore backed by `<folder>/window-state.json`. */
export function windowStateFile(folder: string): BoundsStore & { readonly file: string } {
  const file = path.join(folder, WINDOW_STATE_FILE);
  return {
    file,
    load(): Bounds | undefined {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
      try {
        const parsed = boundsSchema.safeParse(JSON.parse(text));
        return parsed.success ? parsed.data : undefined;
      } catch {
        return undefined;
      }
    },
    save(bounds: Bounds): void {
      const parsed = boundsSchema.safeParse(bounds);
      if (!parsed.success) throw new Error('the window bounds are not finite numbers with a positive size');
      const data = parsed.data;
      fs.mkdirSync(folder, { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temp, `${JSON.stringify(data)}\n`);
      fs.renameSync(temp, file);
    },
  };
}
