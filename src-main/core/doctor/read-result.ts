/** What reading a file gives: the parsed file, or a typed error naming the file and line. */
import type { ApplicationKind } from '../options/index.js';
import { detectApplication } from './detect.js';

/** What a file is, recognised from its sections and options (the doctor states it with its reason). */
export type FileRole = 'cs' | 'csproxy' | 'gax' | 'cs-local-config';

export type NormalisationKind =
  | 'encoding'
  | 'bom'
  | 'crlf'
  | 'blank-lines'
  | 'comments'
  | 'indentation'
  | 'spaces-around-equals'
  | 'trailing-spaces'
  | 'quoted-values'
  | 'section-spaces'
  | 'repeated-section';

export interface Normalisation {
  kind: NormalisationKind;
  /** the lines it applied to (empty for the whole file) */
  lines: number[];
  message: string;
}

export interface ParsedOption {
  section: string;
  name: string;
  /** the value as the application would store it: spaces around it and enclosing quotes removed */
  value: string;
  /** 1-based; null for options read from JSON when the key could not be located */
  line: number | null;
  /** a token-uuid, a password or similar: show masked */
  secret: boolean;
}

export interface ParsedSection {
  name: string;
  line: number | null;
  options: ParsedOption[];
}

export type FileFormat = 'options-file' | 'profile-json' | 'option-set';

export interface ParsedFile {
  name: string;
  format: FileFormat;
  application: ApplicationKind;
  applicationSource: 'caller' | 'detected' | 'profile';
  /** why the doctor took it for that application, e.g. "it has a [system] section" */
  applicationReason: string;
  /** what the file is (an export of a CS, a CS Proxy or GAX, or a master CS's local file); set by `recogniseRole` */
  role?: FileRole;
  /** why the doctor took it for that, e.g. "it has a [csproxy] section" */
  roleReason?: string;
  sections: ParsedSection[];
  normalised: Normalisation[];
}

export type ReadErrorCode =
  | 'NOT_TEXT'
  | 'EMPTY'
  | 'BAD_SECTION_LINE'
  | 'BAD_LINE'
  | 'OPTION_OUTSIDE_SECTION'
  | 'BAD_JSON'
  | 'NOT_A_PROFILE'
  | 'APPLICATION_UNKNOWN'
  | 'APPLICATION_AMBIGUOUS'
  | 'APPLICATION_CONFLICT';

export interface ReadError {
  code: ReadErrorCode;
  file: string;
  line: number | null;
  /** one line: the file, the line, what is wrong and what to do */
  message: string;
}

export type ReadResult = { ok: true; file: ParsedFile } | { ok: false; error: ReadError };

export interface OptionTextInput {
  name: string;
  text: string;
  /** when the person says which application it is; otherwise it is detected */
  application?: ApplicationKind | undefined;
  /** how the bytes were decoded, when not plain UTF-8 (see `decodeOptionBytes`) */
  encoding?: string | undefined;
}

/** A read error whose one-line message starts with the file and line. */
export function readError(code: ReadErrorCode, file: string, line: number | null, what: string): ReadError {
  const where = line === null ? file : `${file}, line ${line}`;
  return { code, file, line, message: `${where}: ${what}` };
}

export function readFailure(code: ReadErrorCode, file: string, line: number | null, what: string): ReadResult {
  return { ok: false, error: readError(code, file, line, what) };
}

/** 1-based line of a character index. */
export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

/** The parsed file with its application: as the profile says, as the caller says, or detected. */
export function withApplication(
  input: OptionTextInput,
  format: FileFormat,
  sections: ParsedSection[],
  normalised: Normalisation[],
  fromProfile?: ApplicationKind,
): ReadResult {
  if (fromProfile) {
    if (input.application && input.application !== fromProfile)
      return readFailure(
        'APPLICATION_CONFLICT',
        input.name,
        null,
        `the profile is a ${fromProfile === 'cs' ? 'CS' : 'GAX'} profile, but it was given as ${input.application === 'cs' ? 'CS' : 'GAX'} options: leave the application out, or give the right file`,
      );
    return {
      ok: true,
      file: {
        name: input.name,
        format,
        application: fromProfile,
        applicationSource: 'profile',
        applicationReason: `it is a ${fromProfile === 'cs' ? 'CS' : 'GAX'} profile`,
        sections,
        normalised,
      },
    };
  }
  if (input.application)
    return {
      ok: true,
      file: {
        name: input.name,
        format,
        application: input.application,
        applicationSource: 'caller',
        applicationReason: 'as given',
        sections,
        normalised,
      },
    };
  const detected = detectApplication(sections);
  if (!detected.ok) return readFailure(detected.code, input.name, null, detected.reason);
  return {
    ok: true,
    file: {
      name: input.name,
      format,
      application: detected.application,
      applicationSource: 'detected',
      applicationReason: detected.reason,
      sections,
      normalised,
    },
  };
}
