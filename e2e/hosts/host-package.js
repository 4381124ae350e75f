/**
 * A released Superset's `superset-frontend/package.json`, the source of the host's dependency ranges.
 *
 * The four checked versions are committed beside this file (`<version>/superset-frontend.package.json`, 16 KB
 * each), so the check does not download a 100 MB wheel per version on every CI run. They are byte for byte the
 * `superset/static/assets/package.json` of the PyPI wheel (the sdist ships the same file as
 * `superset-frontend/package.json`). Any other version is fetched from PyPI (wheel, else sdist) into
 * $CP360_HOSTS_DIR/dl, and
 *
 *   node e2e/hosts/host-package.js --verify 4.1.4 5.0.0 6.0.0 6.1.0
 *
 * downloads them again and confirms that the committed copies are still what PyPI serves.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const workRoot = process.env.CP360_HOSTS_DIR || '/tmp/cp360-hosts';

function committedPath(version) {
  return path.join(__dirname, version, 'superset-frontend.package.json');
}

const PY_READ = `
import sys, tarfile, zipfile
path = sys.argv[1]
if path.endswith(".whl"):
    data = zipfile.ZipFile(path).read("superset/static/assets/package.json")
else:
    with tarfile.open(path) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("/superset-frontend/package.json") and m.name.count("/") == 2)
        data = tar.extractfile(member).read()
sys.stdout.write(data.decode())
`;

/**
 * Downloads apache-superset==version from PyPI (no dependencies) and returns its frontend package.json text: from
 * the wheel's superset/static/assets/package.json, or, where the index offers no wheel, from the sdist's
 * superset-frontend/package.json (the same file).
 */
function fromPyPI(version) {
  const dl = path.join(workRoot, 'dl', version);
  fs.mkdirSync(dl, { recursive: true });
  const cached = path.join(dl, 'superset-frontend.package.json');
  if (fs.existsSync(cached)) return fs.readFileSync(cached, 'utf8');
  const errors = [];
  for (const kind of [
    ['--only-binary', ':all:'],
    ['--no-binary', ':all:'],
  ]) {
    const pip = spawnSync(
      'python3',
      ['-m', 'pip', 'download', '--quiet', '--no-deps', ...kind, '--dest', dl, `apache-superset==${version}`],
      {
        encoding: 'utf8',
      },
    );
    if (pip.status !== 0) {
      errors.push(pip.stderr.trim().split('\n').pop());
      continue;
    }
    const file = fs
      .readdirSync(dl)
      .find(f => f.startsWith('apache_superset-') && (f.endsWith('.whl') || f.endsWith('.tar.gz')));
    const read =
      file &&
      spawnSync('python3', ['-c', PY_READ, path.join(dl, file)], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    if (!read || read.status !== 0) {
      errors.push(`${file || 'no file'}: no frontend package.json`);
      continue;
    }
    fs.writeFileSync(cached, read.stdout);
    return read.stdout;
  }
  throw new Error(`apache-superset==${version} from PyPI: ${errors.join('; ')}`);
}

function resolveHostPackage(version) {
  const committed = committedPath(version);
  if (fs.existsSync(committed)) {
    return {
      pkg: JSON.parse(fs.readFileSync(committed, 'utf8')),
      source: path.relative(path.join(__dirname, '../..'), committed),
    };
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
    let verdict;
    try {
      const same =
        fs.existsSync(committedPath(version)) && fs.readFileSync(committedPath(version), 'utf8') === fromPyPI(version);
      verdict = same ? 'is what PyPI serves' : 'differs from what PyPI serves';
      if (!same) failed += 1;
    } catch (e) {
      failed += 1;
      verdict = `could not be compared: ${e.message}`;
    }
    console.log(
      `${verdict.startsWith('is ') ? 'ok  ' : 'FAIL'} ${version}: committed superset-frontend.package.json ${verdict}`,
    );
  }
  process.exit(failed ? 1 : 0);
}
