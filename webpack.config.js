/**
 * The live demo page (demo/app.tsx) -> dist/demo. `npm start` (demo/server.js) runs this build before it serves;
 * `npm run build:demo` runs it alone.
 *
 * Kept fast on a 2-core machine: esbuild-loader instead of tsc/babel, no source maps, and webpack's filesystem
 * cache so a second start only rebuilds what changed. Development mode keeps React's warnings, which the browser
 * tests treat as errors.
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');

module.exports = (env = {}) => ({
  mode: env.production ? 'production' : 'development',
  context: __dirname,
  entry: { app: './demo/app.tsx' },
  output: {
    path: path.resolve(__dirname, 'dist/demo'),
    filename: '[name].js',
    chunkFilename: '[name].[contenthash:8].js',
    publicPath: '/',
    clean: true,
  },
  devtool: false,
  cache: {
    type: 'filesystem',
    cacheDirectory: path.resolve(__dirname, 'node_modules/.cache/webpack-demo'),
    buildDependencies: { config: [__filename] },
  },
  resolve: {
    extensions: ['.tsx', '.ts', '.mjs', '.js', '.jsx', '.json'],
  },
  module: {
    rules: [
      {
        test: /\.[cm]?[jt]sx?$/,
        exclude: /node_modules/,
        loader: 'esbuild-loader',
        options: { target: 'es2019', jsx: 'automatic' },
      },
      // Some ES-module packages import without file extensions; webpack 5 would otherwise insist on them.
      { test: /\.m?js$/, include: /node_modules/, resolve: { fullySpecified: false } },
      { test: /\.(png|svg|jpe?g|gif)$/, type: 'asset/resource' },
      { test: /\.css$/, type: 'asset/source' },
    ],
  },
  plugins: [
    new HtmlWebpackPlugin({
      template: path.resolve(__dirname, 'demo/index.html'),
      scriptLoading: 'defer',
    }),
  ],
  performance: { hints: false },
  stats: 'errors-warnings',
});
