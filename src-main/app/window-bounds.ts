/**
 * Where the main window opens: the remembered size and position, pulled back onto a display that
 * still exists. Pure: displays are passed in, so the rules are tested without Electron.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What is remembered between runs. `maximized` restores the maximised state over the normal bounds. */
export interface Bounds extends Rect {
  maximized?: boolean;
}

/** Below this the views stop fitting their two-column layouts. */
export const MIN_WINDOW_SIZE = { width: 1024, height: 700 } as const;
export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 } as const;

/**
 * The bounds to open with. `workAreas` are the displays' work areas (without task bars), `primary`
 * the primary display's. A saved window whose display is gone opens centred on the primary one;
 * one that hangs off an edge is moved (and if need be shrunk, never below the minimum) to fit.
 */
export function restoreBounds(saved: Bounds | undefined, workAreas: readonly Rect[], primary: Rect): Bounds {
  if (saved === undefined || !isUsableRect(saved)) return centred(DEFAULT_WINDOW_SIZE, primary);
  const display = bestDisplay(saved, workAreas);
  if (display === undefined) return withMaximized(centred(saved, primary), saved);
  const width = fitLength(saved.width, MIN_WINDOW_SIZE.width, display.width);
  const height = fitLength(saved.height, MIN_WINDOW_SIZE.height, display.height);
  return withMaximized(
    {
      x: Math.round(clamp(saved.x, display.x, display.x + display.width - width)),
      y: Math.round(clamp(saved.y, display.y, display.y + display.height - height)),
      width,
      height,
    },
    saved,
  );
}

/** True for a rectangle with finite coordinates and a positive size (anything else is ignored). */
export function isUsableRect(r: Rect): boolean {
  return [r.x, r.y, r.width, r.height].every(Number.isFinite) && r.width > 0 && r.height > 0;
}

/** The display the window overlaps most, or undefined when it overlaps none. */
function bestDisplay(window: Rect, workAreas: readonly Rect[]): Rect | undefined {
  let best: Rect | undefined;
  let bestArea = 0;
  for (const area of workAreas) {
    const overlap = overlapArea(window, area);
    if (overlap > bestArea) {
      best = area;
      bestArea = overlap;
    }
  }
  return best;
}

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function centred(size: { width: number; height: number }, display: Rect): Bounds {
  const width = fitLength(size.width, MIN_WINDOW_SIZE.width, display.width);
  const height = fitLength(size.height, MIN_WINDOW_SIZE.height, display.height);
  return {
    x: Math.round(display.x + Math.max(0, (display.width - width) / 2)),
    y: Math.round(display.y + Math.max(0, (display.height - height) / 2)),
    width,
    height,
  };
}

/** `wanted` within [minimum, available]; the minimum wins on a display smaller than it. */
function fitLength(wanted: number, minimum: number, available: number): number {
  return Math.round(Math.max(minimum, Math.min(wanted, available)));
}

/** `value` within [low, high]; `low` wins when the range is empty (window wider than the display). */
function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(value, high));
}

function withMaximized(bounds: Bounds, saved: Bounds): Bounds {
  return saved.maximized === true ? { ...bounds, maximized: true } : bounds;
}
