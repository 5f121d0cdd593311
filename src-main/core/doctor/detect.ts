/**
 * Which application a file's options belong to. A CS keeps its token options in `[system]` (and
 * its own settings in `[confserv]`, `[hca]`); GAX keeps them in `[general]`, beside GAX's own
 * sections (`[asd]`, `[arm]`, `[ga]`, `[opm]`, `[clog]` in the GAX Deployment Guide). When a file
 * has both kinds, or neither, the person has to say.
 */
import { findOption, suggestOptionName, type ApplicationKind } from '../options/index.js';

/** What detection reads of a file: its sections' names and their options' names (read-result's ParsedSection fits). */
export interface SectionNames {
  name: string;
  options: readonly { name: string }[];
}

const CS_SECTIONS = ['confserv', 'hca'];
const GAX_SECTIONS = ['asd', 'arm', 'ga', 'opm', 'clog'];

export type Detection =
  { ok: true; application: ApplicationKind; reason: string } | { ok: false; code: 'APPLICATION_UNKNOWN' | 'APPLICATION_AMBIGUOUS'; reason: string };

function optionApplication(name: string): ApplicationKind | undefined {
  return (findOption(name) ?? suggestOptionName(name)?.definition)?.application;
}

export function detectApplication(sections: readonly SectionNames[]): Detection {
  const named = (n: string) => sections.find((s) => s.name.toLowerCase() === n);
  const system = named('system');
  const general = named('general');
  const gaxOption = general?.options.find((o) => optionApplication(o.name) === 'gax');
  if (system && gaxOption)
    return {
      ok: false,
      code: 'APPLICATION_AMBIGUOUS',
      reason: `it has both a CS [system] section and GAX's ${gaxOption.name} under [general]: give one file per application, or say which application it is (CS or GAX)`,
    };
  if (system) return { ok: true, application: 'cs', reason: `it has a [${system.name}] section` };
  if (gaxOption) return { ok: true, application: 'gax', reason: `it has ${gaxOption.name} under [${general?.name}]` };

  const csSection = sections.find((s) => CS_SECTIONS.includes(s.name.toLowerCase()));
  const gaxSection = general ?? sections.find((s) => GAX_SECTIONS.includes(s.name.toLowerCase()));
  if (csSection && !gaxSection) return { ok: true, application: 'cs', reason: `it has a [${csSection.name}] section` };
  if (gaxSection && !csSection) return { ok: true, application: 'gax', reason: `it has a [${gaxSection.name}] section` };

  const apps = new Set(sections.flatMap((s) => s.options.map((o) => optionApplication(o.name))).filter((a) => a !== undefined));
  if (!csSection && apps.size === 1) {
    const application = [...apps][0] as ApplicationKind;
    return { ok: true, application, reason: `it holds only ${application === 'cs' ? 'CS' : 'GAX'} token options` };
  }
  return {
    ok: false,
    code: csSection ? 'APPLICATION_AMBIGUOUS' : 'APPLICATION_UNKNOWN',
    reason: csSection
      ? `it has both a CS [${csSection.name}] and a GAX [${gaxSection?.name}] section: say which application it is (CS or GAX)`
      : 'cannot tell whether these are CS or GAX options (no [system] section, no GAX [general] options): say which application it is (CS or GAX)',
  };
}
