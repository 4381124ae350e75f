/**
 * Checks what `npm pack` would publish: the compiled plugin, its types and image, nothing of the tests, fixtures or
 * demo, and no bundled copy of a framework package (those are peers, resolved by the host Superset build).
 * Prints one line per check and exits non-zero when one fails.
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const [report] = JSON.parse(
  execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
);
const files = report.files.map(f => f.path);
const checks = [];
const check = (name, ok) => checks.push({ name, ok });

['lib/index.js', 'lib/index.d.ts', 'esm/index.js', 'lib/images/thumbnail.png', 'esm/images/thumbnail.png', 'README.md', 'package.json'].forEach(
  f => check(`packs ${f}`, files.includes(f)),
);
const allowed = /^(lib|esm)\/|^(README\.md|package\.json|LICENSE)$/;
const stray = files.filter(f => !allowed.test(f));
check(`packs nothing but lib/, esm/, README, package.json (stray: ${stray.join(', ') || 'none'})`, stray.length === 0);
check('packs no test, fixture or demo file', !files.some(f => /(^|\/)(test|tests|fixtures|demo|__tests__)\//.test(f) || /\.test\./.test(f)));

const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const peers = ['@superset-ui/core', '@superset-ui/chart-controls', 'react', 'react-dom', 'antd', '@emotion/react', '@emotion/styled', 'dayjs'];
peers.forEach(name => check(`${name} is a peer dependency, not a dependency`, !!pkg.peerDependencies[name] && !(pkg.dependencies || {})[name]));

// Compiled code imports the peers by name; a bundled copy would carry its internals.
const bundledMarkers = ['react-dom.production', 'ReactCurrentOwner', '__SECRET_INTERNALS', 'rc-tabs', 'emotion-cache'];
const compiled = files.filter(f => f.endsWith('.js')).map(f => fs.readFileSync(path.join(root, f), 'utf8')).join('\n');
bundledMarkers.forEach(marker => check(`compiled code bundles no framework internals (${marker})`, !compiled.includes(marker)));
check('lib/ is CommonJS', fs.readFileSync(path.join(root, 'lib/index.js'), 'utf8').includes('exports.'));
check('esm/ is ES modules', /^import /m.test(fs.readFileSync(path.join(root, 'esm/index.js'), 'utf8')));

checks.forEach(({ name, ok }) => console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`));
const failed = checks.filter(c => !c.ok).length;
console.log(`pack: ${checks.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
