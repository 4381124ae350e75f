/**
 * The one way the view gets styles from the theme: `withTokens(k => ({ ... }))` hands a styled block the resolved
 * tokens (and its own props), so no block reads the raw theme, and every colour and size comes from tokens.ts.
 */
import type { CSSObject } from '@emotion/react';
import { getTokens, Tokens } from './tokens';

export function withTokens<P extends object = object>(style: (k: Tokens, props: P) => CSSObject) {
  return ({ theme, ...props }: P & { theme?: unknown }): CSSObject => style(getTokens(theme), props as unknown as P);
}

/** Present for screen readers, absent from the layout. */
export const visuallyHidden = (k: Tokens): CSSObject => ({
  position: 'absolute',
  width: k.px(1),
  height: k.px(1),
  margin: k.px(-1),
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
});
