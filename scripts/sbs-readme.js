#!/usr/bin/env node
/**
 * Publishes the side-by-side figures (test/superset/sideBySide.test.ts writes artifacts/superset/SIDE_BY_SIDE.md):
 * copies the summary between `<!-- sbs:summary:start -->` and `<!-- sbs:summary:end -->` into the README between
 * `<!-- sbs:start -->` and `<!-- sbs:end -->`, and the whole file to docs/SIDE_BY_SIDE.md (the README's link).
 * An explicit command, never run by the test: the test writes only under artifacts/.
 *
 *   node scripts/sbs-readme.js            write both
 *   node scripts/sbs-readme.js --check    exit 1 when the README or docs/ differ from the artifact
 */
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const ARTIFACT = path.join(ROOT, 'artifacts/superset/SIDE_BY_SIDE.md');
const README = path.join(ROOT, 'README.md');
const DOC = path.join(ROOT, 'docs/SIDE_BY_SIDE.md');
const LINK = '[docs/SIDE_BY_SIDE.md](docs/SIDE_BY_SIDE.md)';
const NOTE = '<!-- Written by `node scripts/sbs-readme.js` from artifacts/superset/SIDE_BY_SIDE.md; edit the test, not this block. -->';

/** The text strictly between the two markers, or an error naming the file and the marker that is missing. */
function between(text, start, end, file) {
  const i = text.indexOf(start);
  const j = text.indexOf(end, i + start.length);
  if (i < 0 || j < 0) {
    throw new Error(`${path.relative(ROOT, file)} has no ${i < 0 ? start : end} marker`);
  }
  return { before: text.slice(0, i + start.length), inner: text.slice(i + start.length, j), after: text.slice(j) };
}

function main(argv) {
  const check = argv.includes('--check');
  if (!fs.existsSync(ARTIFACT)) {
    throw new Error(
      `${path.relative(ROOT, ARTIFACT)} is missing: run the side-by-side test first ` +
        '(SUPERSET_VERSION=6.1.0 npx jest -c jest.superset.config.js sideBySide against a running Superset 6.1.0)',
    );
  }
  const artifact = fs.readFileSync(ARTIFACT, 'utf8');
  const summary = between(artifact, '<!-- sbs:summary:start -->', '<!-- sbs:summary:end -->', ARTIFACT).inner.trim();
  const readme = fs.readFileSync(README, 'utf8');
  const parts = between(readme, '<!-- sbs:start -->', '<!-- sbs:end -->', README);
  const nextReadme = `${parts.before}\n${NOTE}\n\n${summary}\n\n${parts.after}`;
  const targets = [
    [README, readme, nextReadme],
    // In docs/ the summary's link to docs/SIDE_BY_SIDE.md points at the file itself.
    [DOC, fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : '', artifact.split(LINK).join('this file')],
  ];
  let stale = 0;
  for (const [file, current, next] of targets) {
    const name = path.relative(ROOT, file);
    if (current === next) {
      console.log(`[sbs-readme] ${name}: up to date`);
    } else if (check) {
      console.log(`[sbs-readme] ${name}: differs from the artifact`);
      stale += 1;
    } else {
      fs.writeFileSync(file, next);
      console.log(`[sbs-readme] ${name}: written`);
    }
  }
  return stale ? 1 : 0;
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(`[sbs-readme] ${error.message}`);
    process.exitCode = 1;
  }
}

module.exports = { between, main };
