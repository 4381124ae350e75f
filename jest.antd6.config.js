/**
 * The same suite as Superset master will run it: React 18 (upstream PR #38563) and antd 6 (PR #41636).
 * react, react-dom and antd resolve to the npm aliases react-18, react-dom-18 and antd-6; antd 6's own packages
 * (rc-component, cssinjs, icons) sit under node_modules/antd-6 and reach React 18 through the same mapping.
 * jest.antd6.setup.js gives jsdom the two browser APIs antd 6 calls directly (ResizeObserver, MessageChannel).
 */
const react18 = require('./jest.react18.config');

module.exports = {
  ...react18,
  setupFiles: ['<rootDir>/jest.antd6.setup.js', ...react18.setupFiles],
  moduleNameMapper: {
    '^antd$': 'antd-6',
    '^antd/(.*)$': 'antd-6/$1',
    ...react18.moduleNameMapper,
  },
};
