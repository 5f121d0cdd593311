/** doctor.diagnose: the core doctor over pasted or opened option files, secret values masked in the answer. */
import { maskTokenUuid, parseTokenUuid } from '../../core/index.js';
import { diagnose, type ParsedFile } from '../../core/doctor/index.js';
import type { Handlers } from '../contract/index.js';

export function doctorHandlers(): Pick<Handlers, 'doctor.diagnose'> {
  return {
    async 'doctor.diagnose'({ files, users, clockOffsetSeconds }) {
      // revealSecrets stays off: the corrected files point at a secret's line instead of repeating it.
      const result = diagnose({ files, users, clockOffsetSeconds });
      return { ...result, files: result.files.map(maskedFile) };
    },
  };
}

/** The file as read, with every value the reader marked secret shown masked (a token-uuid keeps its last four digits). */
function maskedFile(file: ParsedFile): ParsedFile {
  return {
    ...file,
    sections: file.sections.map((section) => ({
      ...section,
      options: section.options.map((o) => (o.secret ? { ...o, value: maskValue(o.value) } : o)),
    })),
  };
}

function maskValue(value: string): string {
  const uuid = parseTokenUuid(value);
  return uuid.ok ? maskTokenUuid(uuid.canonical) : '••••••••';
}
