// Runs electronegativity (its programmatic runner, the same one its CLI calls) over one folder
// and prints the findings as JSON. Started by electronegativity.test.ts in a child process with
// scripts/offline-guard.cjs loaded: the tool tries to download translations and Electron's
// release list, and offline those attempts fail at once instead of waiting on the network.
'use strict';
const path = require('node:path');

const RESULT_MARKER = 'ELECTRONEGATIVITY-RESULT ';
const input = path.resolve(process.argv[2]);
const electronVersion = process.argv[3];
const runner = require('@doyensec/electronegativity');
const run = typeof runner === 'function' ? runner : runner.default;

run(
  {
    input,
    isRelative: true,
    customScan: [],
    // Needs Electron's release list from the internet; the Electron version is pinned in
    // package.json and its upgrades are reviewed on their own.
    excludeFromScan: ['availablesecurityfixesglobalcheck'],
    parserPlugins: [],
    electronVersionOverride: electronVersion,
  },
  false,
).then(
  (result) => {
    const issues = result.issues.map((i) => ({
      id: i.id,
      file: i.file,
      line: i.location.line,
      severity: i.severity.name,
      confidence: i.confidence.name,
      manualReview: i.manualReview,
      description: i.description,
    }));
    // The tool prints its own remarks on stdout too; the result is the one line with this marker.
    process.stdout.write(
      `\n${RESULT_MARKER}${JSON.stringify({ checks: result.globalChecks + result.atomicChecks, errors: result.errors, issues })}\n`,
    );
    process.exit(0);
  },
  (error) => {
    process.stderr.write(`electronegativity failed: ${error && error.message}\n`);
    process.exit(2);
  },
);
