import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readOptionText } from '../../../src-main/core/doctor/index.js';
import { writeOptionsText, type OptionSet } from '../../../src-main/core/options/index.js';

/** What the reader read, back in the writer's shape. */
function readBack(text: string, application: OptionSet['application']): OptionSet {
  const read = readOptionText({ name: 'written.cfg', text, application });
  if (!read.ok) throw new Error(read.error.message);
  return {
    application,
    sections: Object.fromEntries(read.file.sections.map((s) => [s.name, Object.fromEntries(s.options.map((o) => [o.name, o.value]))])),
  };
}

// Names: anything printable that a line can hold as a name (no "=", no line break, not starting
// with a section or comment mark, no spaces at the ends), including unicode and odd punctuation.
const nameChar = fc.oneof(
  fc.constantFrom(...'abcxyzABCXYZ0129-_.~{}()@$%^&*+/\\|<>?!"\'[] ;#'.split('')),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
);
const name = fc
  .array(nameChar, { minLength: 1, maxLength: 24 })
  .map((cs) => cs.join(''))
  .filter((n) => n === n.trim() && n.length > 0 && !/[=\r\n\u0000]/.test(n) && !/^[[#;]/.test(n));
const sectionName = fc
  .array(nameChar, { minLength: 1, maxLength: 16 })
  .map((cs) => cs.join(''))
  .filter((n) => n === n.trim() && n.length > 0 && !/[\r\n\u0000]/.test(n));
// Values: odd but legal — spaces at the ends, quotes, "=", "#", ";", tabs, unicode, empty.
const value = fc
  .oneof(
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.constantFrom(
      '',
      ' ',
      '  enable  ',
      '"quoted"',
      "'single'",
      '"',
      "'",
      '"half',
      'a=b=c',
      '# not a comment',
      '; nor this',
      '\tTAB\t',
      '{PXZ}',
      '""',
      "''",
      ' "x" ',
    ),
  )
  .filter((v) => !/[\r\n\u0000]/.test(v));

const optionSet = fc.record({
  application: fc.constantFrom('cs' as const, 'gax' as const),
  sections: fc.dictionary(sectionName, fc.dictionary(name, value, { maxKeys: 6 }), { minKeys: 1, maxKeys: 4 }),
});

describe('writing option files', () => {
  it('writes what reads back to the same options (sections, names, values)', () => {
    fc.assert(
      fc.property(optionSet, fc.constantFrom('\n' as const, '\r\n' as const), fc.boolean(), (set, lineEnding, bom) => {
        const written = writeOptionsText(set, { lineEnding, bom, comments: ['exported by a test'] });
        if (!written.ok) throw new Error(written.reason);
        expect(readBack(written.text, set.application)).toEqual(set);
      }),
      { numRuns: 400 },
    );
  });

  it('quotes only values the reader would otherwise change', () => {
    const w = writeOptionsText({ application: 'cs', sections: { system: { a: 'enable', b: ' enable', c: '"x"', d: 'x"', e: '' } } });
    expect(w).toEqual({ ok: true, text: '[system]\na=enable\nb=" enable"\nc=""x""\nd=x"\ne=\n' });
  });

  it('refuses what an option file cannot hold, with a reason', () => {
    expect(writeOptionsText({ application: 'cs', sections: { system: { a: 'two\nlines' } } })).toEqual({
      ok: false,
      reason: '[system] a value holds a line break or a NUL, which an option file cannot hold',
    });
    expect(writeOptionsText({ application: 'cs', sections: { system: { 'a=b': 'x' } } }).ok).toBe(false);
    expect(writeOptionsText({ application: 'cs', sections: { system: { '#a': 'x' } } }).ok).toBe(false);
    expect(writeOptionsText({ application: 'cs', sections: { ' system': {} } }).ok).toBe(false);
  });
});
