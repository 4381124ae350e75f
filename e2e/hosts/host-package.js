/**
 * A released Superset's `superset-frontend/package.json`, the source of the host's dependency ranges.
 *
 * The four checked versions are committed beside this file (`<version>/superset-frontend.package.json`, 16 KB
 * each), so the check does not download a 100 MB wheel per version on every CI run. They are byte for byte the
 * `superset/static/assets/package.json` of the PyPI wheel (the sdist ships the same file as
 * `superset-frontend/package.json`). Any other version is fetched from PyPI into $CP360_HOSTS_DIR/dl, and
 *
 *   node e2e/hosts/host-package.js --verify 4.1.4 5.0.0 6.0.0 6.1.0
 *
 * downloads the wheels again and confirms that the committed copies are still what PyPI serves.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const workRoot = process.env.CP360_HOSTS_DIR || '/tmp/cp360-hosts';

function committedPath(version) {
  return path.join(__dirname, version, 'superset-frontend.package.json');
}

/** Downloads apache-superset==version's wheel (no dependencies) and returns its frontend package.json text. */
function fromPyPI(version) {
  const dl = path.join(workRoot, 'dl', version);
  fs.mkdirSync(dl, { recursive: true });
  const cached = path.join(dl, 'superset-frontend.package.json');
  if (fs.existsSync(cached)) return fs.readFileSync(cached, 'utf8');
  const pip = spawnSync(
    'python3',
    ['-m', 'pip', 'download', '--quiet', '--no-deps', '--only-binary', ':all:', '--dest', dl, `apache-superset==${version}`],
    { encoding: 'utf8' },
  );
  if (pip.status !== 0) throw new Error(`pip download apache-superset==${version} failed: ${pip.stderr.slice(-1000)}`);
  const wheel = fs.readdirSync(dl).find(f => f.startsWith('apache_superset-') && f.endsWith('.whl'));
  if (!wheel) throw new Error(`no apache-superset wheel for ${version} in ${dl}`);
  const read = spawnSync(
    'python3',
    ['-c', 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read("superset/static/assets/package.json").decode())', path.join(dl, wheel)],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  if (read.status !== 0) throw new Error(`${wheel} has no superset/static/assets/package.json: ${read.stderr.slice(-500)}`);
  fs.writeFileSync(cached, read.stdout);
  return read.stdout;
}

function resolveHostPackage(version) {
  const committed = committedPath(version);
  if (fs.existsSync(committed)) {
    return { pkg: JSON.parse(fs.readFileSync(committed, 'utf8')), source: path.relative(path.join(__dirname, '../..'), committed) };
  }
  return { pkg: JSON.parse(fromPyPI(version)), source: `PyPI wheel apache-superset==${version}` };
}

module.exports = { resolveHostPackage, fromPyPI };

if (require.main === module) {
  const [flag, ...versions] = process.argv.slice(2);
  if (flag !== '--verify' || !versions.length) {
    console.error('usage: host-package.js --verify VERSION...');
    process.exit(2);
  }
  let failed = 0;
  for (const version of versions) {
    const same = fs.existsSync(committedPath(version)) && fs.readFileSync(committedPath(version), 'utf8') === fromPyPI(version);
    if (!same) failed += 1;
    console.log(`${same ? 'ok  ' : 'FAIL'} ${version}: committed superset-frontend.package.json ${same ? 'is' : 'is not'} the wheel's`);
  }
  process.exit(failed ? 1 : 0);
}
