/**
 * The app itself: what it is and runs on, links that leave it, files saved through the host, and
 * main's own unexpected errors for the window to show.
 */
import { z } from 'zod';
import { event, noInput, request } from './define.js';
import { secretStorageView } from './store.js';

/** A file name to offer in a save dialog: no folders, nothing a file system refuses. */
const suggestedName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\\/:*?"<>|\u0000-\u001f]+$/, 'must be a file name without a folder or any of \\ / : * ? " < > |')
  .refine((s) => s !== '.' && s !== '..', 'must be a file name');

export const appRequests = {
  'app.info': request(
    noInput,
    z.strictObject({
      version: z.string(),
      mode: z.enum(['electron', 'web']),
      versions: z.strictObject({ node: z.string(), electron: z.string().optional(), chrome: z.string().optional() }),
      dataDir: z.string(),
      secretStorage: secretStorageView,
    }),
    'version, mode, runtime versions, data folder, where secrets are kept (Help → About)',
  ),
  'app.openExternal': request(
    z.strictObject({ url: z.string().min(1).max(4096) }),
    z.strictObject({ opened: z.boolean() }),
    'open an https link in the system browser (web mode answers USE_LINK: the page opens it itself)',
  ),
  'app.logFolder': request(
    z.strictObject({ open: z.boolean() }),
    z.strictObject({ path: z.string().nullable(), opened: z.boolean() }),
    'where the support log is (null: this host keeps none), and with open: true opens that folder in the file manager (Electron; web mode answers opened: false and the page shows the path to copy)',
  ),
  'export.save': request(
    z.strictObject({
      suggestedName,
      content: z.string().max(50 * 1024 * 1024),
      mime: z
        .string()
        .regex(/^[a-z]+\/[a-z0-9.+-]+$/i, 'must be a MIME type such as text/plain')
        .max(100),
    }),
    z.strictObject({ saved: z.boolean(), path: z.string().optional() }),
    'save a text through the native dialog (web mode answers USE_DOWNLOAD: the page downloads it)',
  ),
} as const;

export const appEvents = {
  'app.problem': event(
    z.strictObject({
      /** one line, scrubbed of token-uuids and tokens (crash-report.ts crashSummary) */
      message: z.string().min(1).max(500),
      /** when main met it, Unix ms */
      time: z.number(),
    }),
    "an unexpected error in main (an uncaught exception or unhandled rejection): the window's banner shows it",
  ),
} as const;
