/**
 * The distribution tests (test/distribution/): the npm route and the pip route's dynamic bundle register the same
 * chart. They build the dynamic bundle with webpack first (about 15 s), so they run on their own, not with every
 * unit run. Otherwise the unit configuration (jsdom, ts-jest, the @superset-ui ESM transform) applies as it is.
 */
const base = require("./jest.config");

module.exports = {
  ...base,
  roots: ["<rootDir>/test/distribution"],
  testPathIgnorePatterns: ["/node_modules/"],
  testTimeout: 180000,
};
