/**
 * The Superset version under test (SUPERSET_VERSION, set by e2e/superset/run-tests.sh) and what it has. The suite is
 * the same for every version; a feature a version lacks is skipped with the reason printed, never passed silently.
 */
export const SUPERSET_VERSION = process.env.SUPERSET_VERSION || '6.1.0';
const [major, minor] = SUPERSET_VERSION.split('.').map(Number);

/** True when the version under test is at least `wanted` (e.g. '6.0'). */
export function atLeast(wanted: string): boolean {
  const [wMajor, wMinor = 0] = wanted.split('.').map(Number);
  return major > wMajor || (major === wMajor && minor >= wMinor);
}

export interface Feature {
  has: boolean;
  /** Why a version lacks it: printed when its tests are skipped. */
  why: string;
}

export const FEATURES = {
  /** Theme modes with a dark theme (ThemeController, localStorage['superset-theme-mode']) came with 6.0. */
  darkMode: {
    has: atLeast('6.0'),
    why: `Superset ${SUPERSET_VERSION} has no dark theme (theme modes came with 6.0)`,
  },
  /** The side-by-side figures are published for one host only, so runs on other versions do not mix into them. */
  sideBySide: {
    has: SUPERSET_VERSION === '6.1.0',
    why: `the side-by-side measurement runs on Superset 6.1.0 only (this is ${SUPERSET_VERSION})`,
  },
} satisfies Record<string, Feature>;

/**
 * `describe` when the host has the feature; otherwise a describe whose only test is skipped, and the reason printed
 * once, so the report and the log both say what was not proven on this version.
 */
export function describeIf(feature: Feature, name: string, body: () => void): void {
  if (feature.has) {
    describe(name, body);
    return;
  }
  // eslint-disable-next-line no-console
  console.log(`[superset ${SUPERSET_VERSION}] skipped "${name}": ${feature.why}`);
  describe(`${name} (skipped: ${feature.why})`, () => {
    test.skip(feature.why, () => undefined);
  });
}
