/**
 * What the person gives the doctor: opened or dropped files (read as bytes and decoded the way the
 * doctor reads exports: UTF-8, UTF-16 with or without a BOM, or Windows-1252), pasted text — one box
 * per side (CS and GAX) so both can be pasted at once, and more CS boxes for a backup or a CS Proxy —,
 * usernames to check token lengths for, and a measured clock offset.
 * Checked here against the limits of `doctor.diagnose`, so a refusal says which input and why.
 */
import { decodeOptionBytes, type ApplicationKind } from '../../../src-main/core/browser.js';

export type ApplicationChoice = 'auto' | ApplicationKind;

export const APPLICATION_CHOICES: readonly { value: ApplicationChoice; label: string }[] = [
  { value: 'auto', label: 'Detect' },
  { value: 'cs', label: 'CS' },
  { value: 'gax', label: 'GAX' },
];

/** The contract's limits for doctor.diagnose (src-main/ipc/contract/options.ts). */
/** Files opened; the paste boxes come on top, within the contract's 64 inputs. */
export const MAX_FILES = 48;
export const MAX_FILE_CHARS = 2 * 1024 * 1024;
export const MAX_NAME_CHARS = 255;
export const MAX_USERS = 1000;
export const MAX_CLOCK_OFFSET_SECONDS = 1e9;
/** Larger files are refused before they are read: an options export is a few kilobytes. */
export const MAX_FILE_BYTES = 4 * MAX_FILE_CHARS;

export interface InputFile {
  /** unique within the list, so two files of the same name can be told apart */
  key: string;
  name: string;
  text: string;
  bytes: number;
  application: ApplicationChoice;
  /** set when the bytes were not plain UTF-8, e.g. "UTF-16LE" */
  encoding: string | undefined;
}

/** What a dropped or opened file gives: its name, size and bytes (a File, or a test's stand-in). */
export interface FileSource {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** A paste box: the side it is for, and what was pasted into it. */
export interface PasteBox {
  key: string;
  application: ApplicationKind;
  text: string;
}

export interface DoctorFileRequest {
  name: string;
  text: string;
  application?: ApplicationKind;
}

let nextKey = 1;

export class DoctorInputs {
  files = $state<InputFile[]>([]);
  /** files that were not added, one line each, naming the file */
  refused = $state<string[]>([]);
  pastes = $state<PasteBox[]>(freshPastes());
  usersText = $state('');
  clockOffsetText = $state('');

  /** The usernames typed, comma or line separated; duplicates dropped. */
  readonly users: string[] = $derived.by(() => [
    ...new Set(
      this.usersText
        .split(/[,\n]/)
        .map((u) => u.trim())
        .filter((u) => u !== ''),
    ),
  ]);

  readonly usersError: string | null = $derived.by(() => {
    if (this.users.length > MAX_USERS) return `${this.users.length} usernames; at most ${MAX_USERS}.`;
    const long = this.users.find((u) => u.length > 255);
    return long ? `A username is ${long.length} characters long; at most 255.` : null;
  });

  /** The measured offset, CS clock − GAX clock, in seconds; undefined when left empty or invalid. */
  readonly clockOffsetSeconds: number | undefined = $derived.by(() => {
    const t = this.clockOffsetText.trim();
    if (t === '' || !/^[+-]?\d+(\.\d+)?$/.test(t)) return undefined;
    const n = Number(t);
    return Math.abs(n) <= MAX_CLOCK_OFFSET_SECONDS ? n : undefined;
  });

  readonly clockOffsetError: string | null = $derived.by(() => {
    const t = this.clockOffsetText.trim();
    if (t === '') return null;
    if (!/^[+-]?\d+(\.\d+)?$/.test(t)) return 'Type a number of seconds, e.g. 95 or -120 (negative: the CS clock is behind GAX’s).';
    if (Math.abs(Number(t)) > MAX_CLOCK_OFFSET_SECONDS) return 'That is more than 31 years: type the offset in seconds.';
    return null;
  });

  /** A paste box's problem, by key. */
  pasteError(key: string): string | null {
    const text = this.pastes.find((p) => p.key === key)?.text ?? '';
    return text.length > MAX_FILE_CHARS ? `The pasted text is ${text.length} characters; at most ${MAX_FILE_CHARS}.` : null;
  }

  readonly hasPaste = $derived(this.pastes.some((p) => p.text.trim() !== ''));

  /** "Pasted CS options", "Pasted CS options 2", …: each box's name in the diagnosis. */
  pasteName(key: string): string {
    const box = this.pastes.find((p) => p.key === key);
    if (!box) return 'Pasted text';
    const same = this.pastes.filter((p) => p.application === box.application);
    const n = same.indexOf(box) + 1;
    return `Pasted ${box.application === 'cs' ? 'CS' : 'GAX'} options${n > 1 ? ` ${n}` : ''}`;
  }

  /** Reads and adds files; the ones that cannot be used are listed in `refused`. */
  async addFiles(sources: Iterable<FileSource>): Promise<void> {
    const refused: string[] = [];
    for (const source of sources) {
      if (this.files.length >= MAX_FILES) {
        refused.push(`${source.name}: not added, the doctor reads at most ${MAX_FILES} files at once.`);
        continue;
      }
      const name = source.name.slice(0, MAX_NAME_CHARS) || 'unnamed file';
      if (source.size > MAX_FILE_BYTES) {
        refused.push(
          `${name}: ${(source.size / 1024 / 1024).toFixed(1)} MB is far larger than an options export; export the application's options again.`,
        );
        continue;
      }
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await source.arrayBuffer());
      } catch {
        refused.push(`${name}: it could not be read; check it is still there and readable, then open it again.`);
        continue;
      }
      const decoded = decodeOptionBytes(bytes);
      if (decoded.text.length > MAX_FILE_CHARS) {
        refused.push(`${name}: ${decoded.text.length} characters is more than the ${MAX_FILE_CHARS} the doctor reads.`);
        continue;
      }
      this.files = [
        ...this.files,
        { key: `f${nextKey++}`, name, text: decoded.text, bytes: bytes.length, application: 'auto', encoding: decoded.encoding },
      ];
    }
    this.refused = refused;
  }

  /** Adds a text as if it were a file (the built-in example). */
  addText(name: string, text: string, application: ApplicationChoice = 'auto'): void {
    this.files = [
      ...this.files,
      { key: `f${nextKey++}`, name, text, bytes: new TextEncoder().encode(text).length, application, encoding: undefined },
    ];
  }

  removeFile(key: string): void {
    this.files = this.files.filter((f) => f.key !== key);
  }

  setApplication(key: string, application: ApplicationChoice): void {
    this.files = this.files.map((f) => (f.key === key ? { ...f, application } : f));
  }

  setPaste(key: string, text: string): void {
    this.pastes = this.pastes.map((p) => (p.key === key ? { ...p, text } : p));
  }

  /** Another paste box, e.g. for the backup CS or a CS Proxy. */
  addPaste(application: ApplicationKind = 'cs'): void {
    this.pastes = [...this.pastes, { key: `p${nextKey++}`, application, text: '' }];
  }

  /** Removes an added box; the first CS and GAX boxes stay (emptied instead). */
  removePaste(key: string): void {
    const box = this.pastes.find((p) => p.key === key);
    if (!box) return;
    const firstOfSide = this.pastes.find((p) => p.application === box.application) === box;
    this.pastes = firstOfSide ? this.pastes.map((p) => (p === box ? { ...p, text: '' } : p)) : this.pastes.filter((p) => p !== box);
  }

  setUsers(text: string): void {
    this.usersText = text;
  }

  setClockOffset(text: string): void {
    this.clockOffsetText = text;
  }

  clear(): void {
    this.files = [];
    this.refused = [];
    this.pastes = freshPastes();
  }

  /** The files and the pasted text as doctor.diagnose takes them. */
  fileRequests(): DoctorFileRequest[] {
    const out: DoctorFileRequest[] = this.files.map((f) => withApplication({ name: f.name, text: f.text }, f.application));
    for (const p of this.pastes) if (p.text.trim() !== '') out.push({ name: this.pasteName(p.key), text: p.text, application: p.application });
    return out;
  }
}

function freshPastes(): PasteBox[] {
  return [
    { key: `p${nextKey++}`, application: 'cs', text: '' },
    { key: `p${nextKey++}`, application: 'gax', text: '' },
  ];
}

function withApplication(file: { name: string; text: string }, application: ApplicationChoice): DoctorFileRequest {
  return application === 'auto' ? file : { ...file, application };
}
