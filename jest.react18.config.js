/** The same suite under React 18 (Superset master): react and react-dom resolve to the npm aliases. */
const base = require('./jest.config');

module.exports = {
  ...base,
  moduleNameMapper: {
    '^react$': 'react-18',
    '^react/(.*)$': 'react-18/$1',
    '^react-dom$': 'react-dom-18',
    '^react-dom/(.*)$': 'react-dom-18/$1',
    ...base.moduleNameMapper,
  },
};
