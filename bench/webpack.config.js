/**
 * The bench page (bench/page.tsx) -> a directory bench/run.js serves. A page, so react, antd, emotion, dayjs and
 * @superset-ui/* are bundled normally; the plugin's own import()s still split into chunks, as in a host.
 *
 * Production mode (React's production build, no dev warnings), not minified: run time is the same, and the CPU
 * profiles (`node bench/run.js --profile`) keep function names; the source map maps them back to src/ files.
 * Loader settings follow the demo's build (webpack.config.js): esbuild-loader, es2019, automatic JSX.
 */
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const ROOT = path.resolve(__dirname, '..');

module.exports = ({ outputPath }) => ({
  mode: 'production',
  context: ROOT,
  entry: { bench: path.join(__dirname, 'page.tsx') },
  output: {
    path: outputPath,
    filename: '[name].js',
    chunkFilename: '[name].[contenthash:8].js',
    publicPath: '/',
    clean: true,
  },
  devtool: 'source-map',
  cache: {
    type: 'filesystem',
    cacheDirectory: path.join(ROOT, 'node_modules/.cache/cp360-bench'),
    buildDependencies: { config: [__filename] },
  },
  resolve: { extensions: ['.tsx', '.ts', '.mjs', '.js', '.jsx', '.json'] },
  module: {
    rules: [
      {
        test: /\.[cm]?[jt]sx?$/,
        exclude: /node_modules/,
        loader: 'esbuild-loader',
        options: { target: 'es2019', jsx: 'automatic' },
      },
      { test: /\.m?js$/, include: /node_modules/, resolve: { fullySpecified: false } },
      { test: /\.(png|svg|jpe?g|gif)$/, type: 'asset/resource' },
      { test: /\.css$/, type: 'asset/source' },
    ],
  },
  optimization: { minimize: false, chunkIds: 'named' },
  plugins: [
    // @superset-ui/core reads process.env.WEBPACK_MODE, which Superset's own build defines.
    new webpack.DefinePlugin({ 'process.env.WEBPACK_MODE': JSON.stringify('production') }),
    new HtmlWebpackPlugin({
      templateContent:
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Customer Profile 360: bench</title>' +
        '<link rel="icon" href="data:,"></head><body style="margin:0"></body></html>',
      scriptLoading: 'defer',
    }),
  ],
  performance: { hints: false },
  stats: 'errors-warnings',
});
