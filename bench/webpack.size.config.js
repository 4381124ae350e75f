/**
 * The plugin as a host (Superset) consumes it, for scripts/check-size.js: src/index.ts built as an ES-module library,
 * production mode, with every framework package external, so what is measured is the plugin's own code only.
 *
 * - Externals: the peer dependencies and their subpaths (`react/jsx-runtime`, `lodash/isEmpty`, `antd/es/...`). They
 *   are the host's, already on the page.
 * - Splitting follows the plugin's own dynamic imports only: `loadChart: () => import(...)` and the tabs'
 *   `React.lazy(() => import(...))`. `splitChunks.minSize: 0` puts code shared by two lazy tabs into its own shared
 *   chunk instead of copying it into both, so the total counts every byte once.
 * - Chunk and module ids stay webpack's production defaults (short, deterministic), as in a host's build; the report
 *   names chunks by the import that loads them.
 * - Terser (webpack's default minifier), as a host's production build would minify the plugin.
 */
const path = require('path');

const ROOT = path.resolve(__dirname, '..');

/** Packages the host provides. A request is external when it is one of these or a subpath of one. */
const EXTERNAL_PACKAGES = [
  'react',
  'react-dom',
  'antd',
  '@ant-design/icons',
  '@emotion/react',
  '@emotion/styled',
  '@emotion/cache',
  'dayjs',
  '@superset-ui/core',
  '@superset-ui/chart-controls',
  'lodash',
];

const isExternal = request =>
  EXTERNAL_PACKAGES.some(name => request === name || request.startsWith(`${name}/`));

/** Same transpilation target as the published ESM build (tsconfig.json: es2019). */
const TARGET = 'es2019';

module.exports = ({ outputPath }) => ({
  mode: 'production',
  context: ROOT,
  entry: { index: path.join(ROOT, 'src/index.ts') },
  experiments: { outputModule: true },
  output: {
    path: outputPath,
    filename: '[name].js',
    chunkFilename: 'chunk-[id].js',
    module: true,
    library: { type: 'module' },
    chunkFormat: 'module',
    chunkLoading: 'import',
    publicPath: '',
    clean: true,
    environment: { module: true, dynamicImport: true, arrowFunction: true, const: true, destructuring: true },
  },
  target: ['web', TARGET],
  devtool: false,
  resolve: { extensions: ['.tsx', '.ts', '.mjs', '.js', '.json'] },
  externalsType: 'module',
  externals: ({ request }, callback) => (isExternal(request) ? callback(null, `module ${request}`) : callback()),
  module: {
    rules: [
      {
        test: /\.[jt]sx?$/,
        exclude: /node_modules/,
        loader: 'esbuild-loader',
        options: { target: TARGET, jsx: 'automatic', tsconfig: path.join(ROOT, 'tsconfig.json') },
      },
      // The gallery thumbnail: a file next to the bundle, as a host's build emits it, never inlined into the code.
      { test: /\.(png|svg|jpe?g|gif)$/, type: 'asset/resource' },
    ],
  },
  optimization: {
    splitChunks: { chunks: 'async', minSize: 0, minChunks: 2, cacheGroups: { defaultVendors: false } },
  },
  cache: {
    type: 'filesystem',
    cacheDirectory: path.join(ROOT, 'node_modules/.cache/cp360-size'),
    buildDependencies: { config: [__filename] },
  },
  performance: { hints: false },
  stats: 'errors-warnings',
});

module.exports.EXTERNAL_PACKAGES = EXTERNAL_PACKAGES;
module.exports.TARGET = TARGET;
