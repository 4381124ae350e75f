/**
 * Jest runs the suite against React 17 (Superset 6.x). `jest.react18.config.js` reuses this file and maps
 * react / react-dom to the React 18 aliases, so the same tests prove the plugin on Superset's master line.
 *
 * @superset-ui/core@0.20.4 and chart-controls@0.20.3 publish ES modules in lib/, so those packages and their
 * ESM-only dependencies are transformed by ts-jest (allowJs) instead of being ignored.
 */
const esmPackages = [
  '@superset-ui',
  'd3-[a-z-]+',
  'internmap',
  'react-markdown',
  'remark-[a-z-]+',
  'rehype-[a-z-]+',
  'unified',
  'bail',
  'is-plain-obj',
  'trough',
  'vfile[a-z-]*',
  'unist-[a-z-]+',
  'mdast-[a-z-]+',
  'micromark[a-z-]*',
  'decode-named-character-reference',
  'character-entities[a-z-]*',
  'property-information',
  'hast-[a-z-]+',
  'hastscript',
  'space-separated-tokens',
  'comma-separated-tokens',
  'web-namespaces',
  'zwitch',
  'html-void-elements',
  'ccount',
  'escape-string-regexp',
  'markdown-table',
  'longest-streak',
  'trim-lines',
  'devlop',
  'parse-ms',
  'pretty-ms',
  'html-url-attributes',
  'stringify-entities',
  'estree-util-[a-z-]+',
];

module.exports = {
  testEnvironment: 'jsdom',
  // antd under jsdom on a shared 2-core machine: some interaction tests take several seconds.
  testTimeout: 30000,
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // Other stages' suites, each with its own config: browser, real Superset, distribution (two routes), engines.
  testPathIgnorePatterns: ['/node_modules/', '/test/browser/', '/test/superset/', '/test/distribution/', '/test/engines/'],
  setupFiles: ['<rootDir>/test/support/setupFiles.ts'],
  moduleNameMapper: {
    '\\.(svg|png|css|less)$': '<rootDir>/test/support/fileStub.ts',
  },
  transform: {
    '^.+\\.(m?[jt]sx?)$': [
      'ts-jest',
      {
        tsconfig: {
          jsx: 'react-jsx',
          allowJs: true,
          esModuleInterop: true,
          skipLibCheck: true,
          isolatedModules: true,
        },
        diagnostics: false,
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
};
