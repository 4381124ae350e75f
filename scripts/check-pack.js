/**
 * Checks what `npm pack` would publish: the compiled plugin, its types and image, nothing of the tests, fixtures or
 * demo, no bundled copy of a framework package, and the dependency shape that lets the standard install resolve in
 * every Superset (e2e/hosts/check-hosts.sh proves that shape against each release's own ranges):
 *
 * - react, react-dom, emotion, dayjs and @superset-ui/* are peers: the host's single copy, or the chart registers in
 *   a second registry, loses the theme or breaks hooks.
 * - antd is a dependency, ^5 only, with antd 6 accepted (`acceptDependencies`). Superset 4.1 and 5.0 keep antd 4.10.3
 *   as `antd` (antd 5 only as the alias `antd-v5`, which an `import 'antd'` cannot reach), so there npm nests an
 *   antd 5 for the plugin; a fresh fetch must be antd 5 because antd 6 needs React 18 and those hosts run 16 and 17.
 *   In 6.x the host's antd 5 satisfies the range and in master npm accepts the host's antd 6: one copy, the host's.
 *   The plugin wraps its antd in its own ConfigProvider (prefix cp360, its own theme), so it never depends on
 *   sharing antd's context with the host.
 *
 * Prints one line per check and exits non-zero when one fails.
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const [report] = JSON.parse(
  execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }),
);
const files = report.files.map(f => f.path);
const checks = [];
const check = (name, ok) => checks.push({ name, ok });

[
  'lib/index.js',
  'lib/index.d.ts',
  'esm/index.js',
  'lib/images/thumbnail.png',
  'esm/images/thumbnail.png',
  'README.md',
  'package.json',
].forEach(f => check(`packs ${f}`, files.includes(f)));
const allowed = /^(lib|esm)\/|^(README\.md|package\.json|LICENSE)$/;
const stray = files.filter(f => !allowed.test(f));
check(`packs nothing but lib/, esm/, README, package.json (stray: ${stray.join(', ') || 'none'})`, stray.length === 0);
check(
  'packs no test, fixture or demo file',
  !files.some(f => /(^|\/)(test|tests|fixtures|demo|__tests__)\//.test(f) || /\.test\./.test(f)),
);

const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const peers = [
  '@superset-ui/core',
  '@superset-ui/chart-controls',
  'react',
  'react-dom',
  '@emotion/react',
  '@emotion/styled',
  '@emotion/cache',
  'dayjs',
];
const deps = pkg.dependencies || {};
const peerDeps = pkg.peerDependencies || {};
peers.forEach(name => check(`${name} is a peer dependency, not a dependency`, !!peerDeps[name] && !deps[name]));
check(
  `antd is the only dependency (dependencies: ${Object.keys(deps).join(', ') || 'none'})`,
  Object.keys(deps).join() === 'antd',
);
check(
  'antd is not a peer (Superset 4.1 and 5.0 hold antd 4.10.3 as antd: a peer cannot resolve there)',
  !peerDeps.antd,
);

/**
 * `^a.b.c || ^d.e.f || *`, the only range forms this package.json uses; anything else fails the check rather than
 * being guessed at.
 */
function satisfies(range, version) {
  const [major, minor, patch] = version.split('.').map(Number);
  return String(range)
    .split('||')
    .map(part => part.trim())
    .some(part => {
      if (part === '*') return true;
      if (!part) return false;
      const m = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(part);
      if (!m) throw new Error(`check-pack: range form not understood: "${part}" in "${range}"`);
      const [a, b, c] = m.slice(1).map(Number);
      if (major !== a) return false;
      return minor > b || (minor === b && patch >= c);
    });
}
// What the hosts install (SUPERSET.md; 4.1.4 ships React 16.14.0, whose react/jsx-runtime the compiled JSX needs).
const hostReact = { '4.1.4': '16.14.0', '5.0.0': '17.0.2', '6.0.0': '17.0.2', '6.1.0': '17.0.2', master: '18.3.1' };
Object.entries(hostReact).forEach(([host, version]) => {
  check(
    `react and react-dom peers admit ${version} (Superset ${host})`,
    satisfies(peerDeps.react, version) && satisfies(peerDeps['react-dom'], version),
  );
});
check('react peer refuses 16.13 (no react/jsx-runtime)', !satisfies(peerDeps.react, '16.13.1'));
check(
  '@emotion/react peer admits 11.4.1 (Superset 4.1) and 11.14.0 (6.x)',
  satisfies(peerDeps['@emotion/react'], '11.4.1') && satisfies(peerDeps['@emotion/react'], '11.14.0'),
);
// antd: the host's own antd 5 (6.0: ^5.24.6, 6.1: 5.27.6) satisfies the dependency, so npm dedupes to it.
check(
  'antd dependency admits the antd 5 of Superset 6.0 and 6.1 (5.24.6, 5.27.6)',
  satisfies(deps.antd, '5.24.6') && satisfies(deps.antd, '5.27.6'),
);
check(
  'antd dependency fetches antd 5, never 6 (antd 6 needs React 18; Superset 4.1 and 5.0 run 16 and 17)',
  !satisfies(deps.antd, '6.0.0') && !satisfies(deps.antd, '4.10.3'),
);
check(
  'antd 6 of Superset master is accepted (acceptDependencies)',
  satisfies((pkg.acceptDependencies || {}).antd || '', '6.0.0'),
);

// Compiled code imports the peers by name; a bundled copy would carry its internals.
const bundledMarkers = ['react-dom.production', 'ReactCurrentOwner', '__SECRET_INTERNALS', 'rc-tabs', 'emotion-cache'];
const compiled = files
  .filter(f => f.endsWith('.js'))
  .map(f => fs.readFileSync(path.join(root, f), 'utf8'))
  .join('\n');
bundledMarkers.forEach(marker =>
  check(`compiled code bundles no framework internals (${marker})`, !compiled.includes(marker)),
);
check('lib/ is CommonJS', fs.readFileSync(path.join(root, 'lib/index.js'), 'utf8').includes('exports.'));
check('esm/ is ES modules', /^import /m.test(fs.readFileSync(path.join(root, 'esm/index.js'), 'utf8')));

checks.forEach(({ name, ok }) => console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`));
const failed = checks.filter(c => !c.ok).length;
console.log(`pack: ${checks.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
