/**
 * The theme adapter's React side. `styled` and `useTheme` come from emotion, a peer dependency: installed into
 * Superset, the plugin shares Superset's emotion, so `useTheme()` returns the host theme (Superset 6's antd tokens,
 * or Superset 4/5's gridUnit/colors), which `getTokens` reads with fallbacks.
 */
import { ThemeProvider, useTheme } from '@emotion/react';
import styled from '@emotion/styled';
import { getTokens, Tokens } from './tokens';

export { styled, ThemeProvider, useTheme };
export { getTokens, antdThemeOf, antdClass, ANTD_PREFIX, SAMPLE_THEMES } from './tokens';
export type { Tokens } from './tokens';

export function useTokens(): Tokens {
  return getTokens(useTheme());
}
