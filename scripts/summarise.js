/**
 * The closing summary of `npm test`: one line per stage, then `N passed, N failed`.
 *
 *   node scripts/summarise.js artifacts/reports/stages.tsv
 *
 * stages.tsv has one line per stage, written by scripts/test.sh as it goes:
 *   <name> TAB ran TAB <jest-like JSON report>        the stage ran; its report counts
 *   <name> TAB skipped TAB <why>                      the stage did not run
 * A stage's report may be split into groups by test file (GROUPS below), so that a line says what was tested.
 *
 * A stage that ran but left no report, or whose report broke, counts as a failure. Under CI=true a skipped stage, or
 * a stage (or group) that ran zero tests, is a failure too: a green CI run means every stage ran something.
 */
const fs = require('fs');
const path = require('path');

/** Test files of one jest run that are a different thing from the rest, named for what they test. */
const GROUPS = {
  browser: [{ name: 'demo-api', pattern: /test\/browser\/api\.test\.ts$/, label: "the demo server's chart-data API stand-in" }],
};

const ci = process.env.CI === 'true' || process.env.CI === '1';

function counts(report, files) {
  const results = files ?? report.testResults ?? [];
  if (!files) {
    return {
      passed: report.numPassedTests ?? 0,
      failed: (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0),
      skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    };
  }
  const c = { passed: 0, failed: 0, skipped: 0 };
  for (const file of results) {
    const assertions = file.assertionResults ?? [];
    for (const a of assertions) {
      if (a.status === 'passed') c.passed += 1;
      else if (a.status === 'failed') c.failed += 1;
      else c.skipped += 1;
    }
    // A file that failed to run (syntax error, failing beforeAll without tests) has no assertions.
    if (file.status === 'failed' && !assertions.some(a => a.status === 'failed')) c.failed += 1;
  }
  return c;
}

function stageLines(name, report) {
  const groups = GROUPS[name] ?? [];
  if (!groups.length || !Array.isArray(report.testResults)) return [{ name, ...counts(report) }];
  const lines = [];
  let rest = report.testResults;
  for (const group of groups) {
    const mine = rest.filter(file => group.pattern.test(file.name));
    rest = rest.filter(file => !group.pattern.test(file.name));
    lines.push({ name: group.name, ...counts(report, mine), label: group.label });
  }
  lines.unshift({ name, ...counts(report, rest) });
  const broken = report.numRuntimeErrorTestSuites ?? 0;
  const fileFailures = report.testResults.filter(f => f.status === 'failed' && !(f.assertionResults ?? []).length).length;
  if (broken > fileFailures) lines[0].failed += broken - fileFailures;
  return lines;
}

function main() {
  const file = process.argv[2];
  const rows = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (!rows.length) {
    console.log('no stage ran');
    failed += 1;
  }
  for (const row of rows) {
    const [name, state, detail] = row.split('\t');
    if (state === 'skipped') {
      console.log(`stage ${name}: SKIPPED (${detail})${ci ? ': a failure under CI=true' : ''}`);
      if (ci) failed += 1;
      continue;
    }
    let report;
    try {
      report = JSON.parse(fs.readFileSync(detail, 'utf8'));
    } catch {
      console.log(`stage ${name}: FAILED, no report at ${path.relative(process.cwd(), detail)} (the stage did not run to the end)`);
      failed += 1;
      continue;
    }
    for (const line of stageLines(name, report)) {
      const zero = line.passed + line.failed === 0;
      const note = zero ? `, ran no test${ci ? ': a failure under CI=true' : ''}` : '';
      const label = line.label ? ` [${line.label}]` : '';
      console.log(`stage ${line.name}: ${line.passed} passed, ${line.failed} failed, ${line.skipped} skipped${label}${note}`);
      passed += line.passed;
      failed += line.failed + (zero && ci ? 1 : 0);
      skipped += line.skipped;
    }
    for (const extra of report.results ?? []) {
      // Stages that check several hosts (the Superset matrix, the standard-install check) list each one.
      if (extra && extra.version) {
        console.log(`  ${extra.version}${extra.route ? ` (${extra.route})` : ''}: ${extra.ok ? 'ok' : 'FAILED'}${extra.details ? `, ${extra.details}` : ''}`);
      }
    }
  }
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exit(failed ? 1 : 0);
}

main();
