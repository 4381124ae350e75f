/** The demo page's own look, from the same sample themes the chart gets (Superset 6's antd token names). */
import { theme as antdTheme } from 'antd';
import { SAMPLE_THEMES } from '../src/theme/tokens';

export type ThemeName = keyof typeof SAMPLE_THEMES;

export interface DemoTheme {
  sizeUnit: number;
  fontSize: number;
  borderRadius: number;
  colorPrimary: string;
  colorText: string;
  colorTextSecondary: string;
  colorBgContainer: string;
  colorBgLayout: string;
  colorBorderSecondary: string;
  colorError: string;
}

export const themeOf = (name: ThemeName): DemoTheme => SAMPLE_THEMES[name];

/**
 * The host's link colour. Superset 6's theme is antd's full token set and its GlobalStyles colour every link with
 * `colorLink`; the sample themes hold only the tokens the plugin reads, so the page derives the rest as antd does.
 */
export function linkColourOf(name: ThemeName): string {
  const algorithm = name === 'dark' ? antdTheme.darkAlgorithm : antdTheme.defaultAlgorithm;
  return antdTheme.getDesignToken({ token: SAMPLE_THEMES[name], algorithm }).colorLink;
}

/** Emotion hands `theme` to styled components as its empty Theme interface; the demo provides a DemoTheme. */
export const demoTheme = (theme: unknown): DemoTheme => theme as DemoTheme;

export const FONT_FAMILY = "Inter, 'Helvetica Neue', Arial, sans-serif";
