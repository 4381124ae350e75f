/**
 * The standard install, proven against each released Superset's own dependency ranges.
 *
 *   node e2e/hosts/check-hosts.js --tgz PLUGIN.tgz --out OUTPUT.json [--versions 4.1.4,6.1.0]
 *
 * For every version, a stand-in of `superset-frontend` is written to $CP360_HOSTS_DIR/<version> (default
 * /tmp/cp360-hosts): the host's own ranges for everything the plugin shares with it (react, react-dom, antd and its
 * `antd-v5` alias, @emotion/*, @ant-design/*, dayjs, lodash, moment), and `@superset-ui/core` and
 * `@superset-ui/chart-controls` as local workspace packages (`file:` links, as in the real frontend) that carry the
 * real packages' version and shared peer ranges (workspace-packages.json). Then, as an admin would, the packed plugin
 * is installed without `--legacy-peer-deps`, and the resulting tree must hold one copy of each shared package and
 * give the plugin an antd 5 or 6.
 *
 * Why `--package-lock-only` is enough: it runs npm's whole resolver (the same ideal tree, the same ERESOLVE peer
 * checks, the same dedupe) and only skips downloading and unpacking tarballs and running scripts, none of which
 * changes where a package lands. `npm ls --package-lock-only` then validates every edge of that tree, peers
 * included. So the check needs package metadata from the registry, not the ~2 GB host tree.
 *
 * Why only the shared part of the host: the real frontend resolves its other ~300 packages from its own lockfile;
 * resolving them afresh here would test the registry's state today, not the plugin. Every package that constrains
 * react, antd, emotion, dayjs or @superset-ui/* in the host is kept with the host's own range.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { resolveHostPackage } = require('./host-package');

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const tgz = path.resolve(arg('tgz', ''));
const out = arg('out');
const versions = arg('versions', '4.1.4,5.0.0,6.0.0,6.1.0').split(',');
const workRoot = process.env.CP360_HOSTS_DIR || '/tmp/cp360-hosts';
const workspacePackages = require('./workspace-packages.json');

if (!fs.existsSync(tgz) || !out) {
  console.error('usage: check-hosts.js --tgz PLUGIN.tgz --out OUTPUT.json [--versions 4.1.4,...]');
  process.exit(2);
}
const plugin = JSON.parse(
  spawnSync('tar', ['-xzOf', tgz, 'package/package.json'], { encoding: 'utf8' }).stdout || 'null',
);
if (!plugin) {
  console.error(`${tgz} holds no package/package.json`);
  process.exit(2);
}

/** What the plugin shares with a host: kept from the host's package.json with the host's range. */
const SHARED = /^(react|react-dom|antd|@emotion\/[a-z-]+|@ant-design\/[a-z-]+|dayjs|lodash|moment)$/;
/** Must exist exactly once in the host's tree (a second copy is a second registry, theme or React). */
const SINGLE = [
  'react',
  'react-dom',
  '@emotion/react',
  '@emotion/styled',
  '@emotion/cache',
  '@superset-ui/core',
  '@superset-ui/chart-controls',
];

function npm(cwd, npmArgs) {
  // An admin's plain npm: the peer checks on, whatever a user-level .npmrc says.
  const env = {
    ...process.env,
    npm_config_legacy_peer_deps: 'false',
    npm_config_strict_peer_deps: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_update_notifier: 'false',
  };
  const r = spawnSync('npm', npmArgs, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout || '', stderr: r.stderr || '' };
}

function standIn(version, hostPkg) {
  const dir = path.join(workRoot, version);
  fs.rmSync(dir, { recursive: true, force: true });
  const pick = deps =>
    Object.fromEntries(
      Object.entries(deps || {}).filter(([name, spec]) => SHARED.test(name) || /^npm:antd@/.test(spec)),
    );
  const ws = workspacePackages[version];
  if (!ws) throw new Error(`workspace-packages.json has no entry for ${version}`);
  const pkg = {
    name: 'superset-frontend-standin',
    version: hostPkg.version,
    private: true,
    workspaces: ['packages/*'],
    dependencies: {
      ...pick(hostPkg.dependencies),
      '@superset-ui/chart-controls': 'file:./packages/superset-ui-chart-controls',
      '@superset-ui/core': 'file:./packages/superset-ui-core',
    },
    devDependencies: pick(hostPkg.devDependencies),
  };
  const overrides = pick(hostPkg.overrides);
  if (Object.keys(overrides).length) pkg.overrides = overrides;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  for (const [folder, wsPkg] of Object.entries({
    'superset-ui-core': ws.core,
    'superset-ui-chart-controls': ws.chartControls,
  })) {
    fs.mkdirSync(path.join(dir, 'packages', folder), { recursive: true });
    fs.writeFileSync(path.join(dir, 'packages', folder, 'package.json'), `${JSON.stringify(wsPkg, null, 2)}\n`);
  }
  return dir;
}

/** Lock entries by the folder name they occupy (an alias such as antd-v5 occupies its alias's folder). */
function lockCopies(lock, folder) {
  return (
    Object.entries(lock.packages)
      .filter(
        ([p]) =>
          p.slice(p.lastIndexOf('node_modules/') + 'node_modules/'.length) === folder && p.includes('node_modules/'),
      )
      // A workspace link carries no version; its target (packages/...) does.
      .map(([p, e]) => ({
        path: p,
        version: e.link ? (lock.packages[e.resolved] || {}).version : e.version,
        link: !!e.link,
      }))
  );
}

/** Node's own lookup: the nearest node_modules/<name> from the plugin's folder upwards. */
function resolveFrom(lock, fromPath, name) {
  let dir = fromPath;
  for (;;) {
    const candidate = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    if (lock.packages[candidate]) return { path: candidate, ...lock.packages[candidate] };
    if (!dir) return null;
    const i = dir.lastIndexOf('/node_modules/');
    dir = i >= 0 ? dir.slice(0, i) : '';
  }
}

/**
 * Superset master (7.0) is not released: its stand-in is 6.1.0's package.json with React 18 and antd 6, the two
 * changes of upstream PRs #38563 and #41636. Opt-in (`--versions master`), and never counted as a release.
 */
function masterHost() {
  const { pkg } = resolveHostPackage('6.1.0');
  // antd 6 depends on @ant-design/icons 6, so master moves the icons with it.
  const upgrades = { react: '^18.3.1', 'react-dom': '^18.3.1', antd: '^6.0.0', '@ant-design/icons': '^6.0.0' };
  const dependencies = { ...pkg.dependencies, ...upgrades };
  return { pkg: { ...pkg, version: '7.0.0-master', dependencies }, source: `6.1.0 with ${JSON.stringify(upgrades)}` };
}

function checkVersion(version) {
  const started = Date.now();
  const details = [];
  const fail = msg => details.push(`FAIL ${msg}`);
  const note = msg => details.push(msg);
  const { pkg: hostPkg, source } = version === 'master' ? masterHost() : resolveHostPackage(version);
  note(`host package.json: ${source}`);
  const dir = standIn(version, hostPkg);

  const base = npm(dir, ['install', '--package-lock-only', '--ignore-scripts']);
  if (base.code !== 0) {
    fail(`the stand-in host itself does not resolve:\n${base.stderr.slice(-2000)}`);
    return { version, ok: false, details, seconds: (Date.now() - started) / 1000 };
  }
  const install = npm(dir, ['install', '--package-lock-only', '--ignore-scripts', tgz]);
  if (install.code !== 0) {
    fail(`npm install ${path.basename(tgz)} failed:\n${install.stderr.slice(-3000)}`);
    return { version, ok: false, details, seconds: (Date.now() - started) / 1000 };
  }
  note(`npm install ${path.basename(tgz)} --package-lock-only: exit 0`);
  // npm resolves some peer conflicts with a warning instead of an error ("overriding peer dependency"): that is a
  // package running against a React or antd it does not support.
  const overridden = install.stderr.split('\n').filter(l => /ERESOLVE|overriding peer|Conflicting peer/i.test(l));
  if (overridden.length) fail(`npm overrode a peer dependency:\n${overridden.join('\n')}`);

  const lock = JSON.parse(fs.readFileSync(path.join(dir, 'package-lock.json'), 'utf8'));
  const pluginPath = `node_modules/${plugin.name}`;
  if (!lock.packages[pluginPath]) fail(`${plugin.name} is not at ${pluginPath}`);

  for (const name of SINGLE) {
    const copies = lockCopies(lock, name);
    const used = resolveFrom(lock, pluginPath, name);
    const where = copies.map(c => `${c.path}@${c.version || ''}${c.link ? ' (workspace link)' : ''}`).join(', ');
    if (copies.length !== 1) fail(`${name}: ${copies.length} copies (${where || 'none'})`);
    else if (!used || used.path !== copies[0].path)
      fail(`${name}: the plugin resolves ${used ? used.path : 'nothing'}`);
    else note(`${name}: one copy, ${where}`);
  }

  // antd: the plugin must get an antd 5 or 6, and only one folder named antd may hold that major.
  const antd = resolveFrom(lock, pluginPath, 'antd');
  const major = antd ? Number(String(antd.version).split('.')[0]) : NaN;
  if (!antd) fail('antd: the plugin resolves no antd');
  else if (major !== 5 && major !== 6) fail(`antd: the plugin resolves ${antd.path}@${antd.version}, not antd 5 or 6`);
  else {
    const sameMajor = lockCopies(lock, 'antd').filter(c => Number(String(c.version).split('.')[0]) === major);
    if (sameMajor.length !== 1)
      fail(`antd ${major}: ${sameMajor.length} copies (${sameMajor.map(c => c.path).join(', ')})`);
    else note(`antd: the plugin uses ${antd.path}@${antd.version}, the only antd ${major} folder`);
  }
  // Where the plugin brings its own antd (4.1, 5.0), antd's own packages should still be the host's antd-v5 ones.
  const nested = Object.keys(lock.packages).filter(p => p.startsWith(`${pluginPath}/node_modules/`));
  note(
    `packages nested under the plugin: ${nested.length ? nested.map(p => p.slice(pluginPath.length + 14)).join(', ') : 'none'}`,
  );
  const antdLike = Object.entries(lock.packages)
    .filter(([p, e]) => /node_modules\/antd[^/]*$/.test(p) && (e.name || 'antd') === 'antd')
    .map(([p, e]) => `${p}@${e.version}`);
  note(`every antd in the tree: ${antdLike.join(', ')}`);
  const dayjs = lockCopies(lock, 'dayjs');
  if (dayjs.length !== 1) fail(`dayjs: ${dayjs.length} copies (${dayjs.map(c => c.path).join(', ')})`);
  else note(`dayjs: one copy, ${dayjs[0].path}@${dayjs[0].version}`);

  // The same question asked of npm itself: every edge valid (no missing or invalid peer), and its tree printed.
  const ls = npm(dir, ['ls', '--package-lock-only', ...SINGLE, 'antd', 'dayjs']);
  if (ls.code !== 0) fail(`npm ls --package-lock-only exit ${ls.code}:\n${ls.stderr.slice(-2000)}`);
  const all = npm(dir, ['ls', '--package-lock-only', '--all']);
  if (all.code !== 0) fail(`npm ls --all --package-lock-only exit ${all.code}:\n${all.stderr.slice(-2000)}`);
  // The full listing repeats every dependent of react; the host's own entries and the plugin's subtree say it all.
  const lines = ls.stdout.trim().split('\n');
  const start = lines.findIndex(l => l.includes(`${plugin.name}@`) && /^[├└]/.test(l));
  const subtree = start < 0 ? [] : lines.slice(start + 1).filter(l => /^ {2}[├└]/.test(l));
  const shown = [lines[0], ...lines.filter(l => /^[├└]/.test(l)), ...subtree.map(l => `    ${l.trim()}`)];
  note(
    `npm ls --package-lock-only ${SINGLE.join(' ')} antd dayjs (exit ${ls.code}), top level and the plugin:\n${shown.join('\n')}`,
  );

  const ok = !details.some(d => d.startsWith('FAIL'));
  return { version, ok, details, seconds: (Date.now() - started) / 1000 };
}

const started = Date.now();
const results = versions.map(version => {
  let r;
  try {
    r = checkVersion(version);
  } catch (e) {
    r = { version, ok: false, details: [`FAIL ${e.message}`], seconds: 0 };
  }
  console.log(`${r.ok ? 'ok  ' : 'FAIL'} Superset ${version}: standard install (${r.seconds.toFixed(1)} s)`);
  r.details.forEach(d => console.log(`     ${d.replace(/\n/g, '\n     ')}`));
  return { version: r.version, route: 'standard', ok: r.ok, seconds: r.seconds, details: r.details.join('\n') };
});
const passed = results.filter(r => r.ok).length;
const summary = {
  numPassedTests: passed,
  numFailedTests: results.length - passed,
  numPendingTests: 0,
  numRuntimeErrorTestSuites: 0,
  seconds: (Date.now() - started) / 1000,
  plugin: `${plugin.name}@${plugin.version}`,
  results,
};
fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);
console.log(`hosts: ${passed} passed, ${results.length - passed} failed (${summary.seconds.toFixed(1)} s)`);
process.exit(passed === results.length ? 0 : 1);
