/**
 * The theme adapter's React side. `styled` and `useTheme` come from emotion, a peer dependency: installed into
 * Superset, the plugin shares Superset's emotion, so `useTheme()` returns the host theme (Superset 6's antd tokens,
 * or Superset 4/5's gridUnit/colors), which `getTokens` reads with fallbacks.
 */
import createCache from '@emotion/cache';
import { CacheProvider, ThemeProvider, useTheme } from '@emotion/react';
import styled from '@emotion/styled';

export { CacheProvider, styled, ThemeProvider, useTheme };

/**
 * The chart's emotion styles under their own key (class names `cprofile-…`, style tags `data-emotion="cprofile"`),
 * apart from the host's (`css` in Superset 4.1/5.0, `superset` in 6.x): two emotion instances on one page (the
 * dynamic-plugin route bundles its own) never share style tags, and the styles of each are told apart.
 */
export const emotionCache = createCache({ key: 'cprofile' });
export { getTokens, antdThemeOf, antdClass, ANTD_PREFIX, SAMPLE_THEMES } from './tokens';
export type { Tokens } from './tokens';
