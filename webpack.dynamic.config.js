/**
 * The DYNAMIC_PLUGINS bundle: one ES module, dist/dynamic/customer-profile.js, that Superset 6.x's loader
 * `import()`s (see e2e/superset/LOADER.md).
 *
 * - The loader shares exactly five host modules as `window['__superset__/<name>']` (module namespace objects):
 *   react, react-dom, lodash, @superset-ui/core, @superset-ui/chart-controls. They are externals reading those
 *   globals. React's and lodash's namespaces carry `default` plus the named exports and `__esModule`, so both
 *   `import React from 'react'` (webpack's interop takes `.default`) and `import * as React` / named imports work;
 *   the core packages are real ES namespaces (named exports only, which is all the plugin imports).
 * - Everything else is bundled: antd, @ant-design/icons, emotion, dayjs and `react/jsx-runtime` (whose own
 *   `require('react')` is the external, i.e. the host's React).
 * - One file: `asyncChunks: false` folds the lazy `import()`s (the chart, its tabs) into the entry chunk, and the
 *   thumbnail is a data URL, so nothing is fetched relative to the bundle's URL.
 * - src/dynamic.ts registers the chart under 'customer_profile' only when `__CUSTOMER_PROFILE_DYNAMIC_BUNDLE__`
 *   is true, which this config defines.
 */
const path = require('path');
const webpack = require('webpack');
const { EsbuildPlugin } = require('esbuild-loader');

const SHARED = ['react', 'react-dom', 'lodash', '@superset-ui/core', '@superset-ui/chart-controls'];
const TARGET = 'es2020';

module.exports = {
  mode: 'production',
  entry: { 'customer-profile': path.resolve(__dirname, 'src/dynamic.ts') },
  experiments: { outputModule: true },
  output: {
    path: path.resolve(__dirname, 'dist/dynamic'),
    filename: '[name].js',
    module: true,
    library: { type: 'module' },
    chunkFormat: 'module',
    asyncChunks: false,
    publicPath: '',
    clean: true,
    environment: { module: true, dynamicImport: true, arrowFunction: true, const: true, destructuring: true },
  },
  target: ['web', TARGET],
  devtool: false,
  resolve: { extensions: ['.tsx', '.ts', '.mjs', '.js', '.json'] },
  // window['__superset__/<name>'], evaluated when the bundle first requires the module (after the loader set them).
  externalsType: 'window',
  externals: Object.fromEntries(SHARED.map(name => [name, `__superset__/${name}`])),
  module: {
    rules: [
      {
        test: /\.[jt]sx?$/,
        exclude: /node_modules/,
        loader: 'esbuild-loader',
        options: { target: TARGET, jsx: 'automatic', tsconfig: path.resolve(__dirname, 'tsconfig.json') },
      },
      { test: /\.(png|svg|jpe?g|gif)$/, type: 'asset/inline' },
    ],
  },
  plugins: [
    new webpack.DefinePlugin({ __CUSTOMER_PROFILE_DYNAMIC_BUNDLE__: JSON.stringify(true) }),
    new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
  ],
  optimization: {
    minimizer: [new EsbuildPlugin({ target: TARGET, format: 'esm', css: false, legalComments: 'none' })],
  },
  performance: { hints: false },
  stats: { preset: 'errors-warnings', assets: true },
};
