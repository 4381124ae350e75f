/**
 * The one theme adapter. Reads Superset 6's antd v5 tokens (sizeUnit, colorPrimary, colorBgContainer, colorText ...),
 * falls back to Superset 4/5's theme (gridUnit, colors.*, typography.*), and then to fixed light values, so the chart
 * is readable under any host. Nothing else in the plugin holds a colour or a pixel value.
 */
import { theme as antdTheme, ThemeConfig } from 'antd';

type Dict = Record<string, unknown>;

/**
 * Primary and status colours are adjusted to read at 4.5:1 on the background (`readable`): the chart uses them as
 * small text (badges, links, the active tab), and Superset's brand teal is 3.5:1 on white.
 */
export interface Tokens {
  unit: number;
  /** `space(n)` is n grid units, in pixels, for CSS. */
  space: (n: number) => string;
  px: (n: number) => string;
  fontFamily: string;
  fontSize: string;
  fontSizeSm: string;
  fontSizeLg: string;
  fontSizeXl: string;
  fontSizeXxl: string;
  fontWeightStrong: number;
  /** Unitless line height of body text (antd's `lineHeight` token), set on the chart so no host rule decides it. */
  lineHeight: number;
  /** Unitless line height of headings. */
  lineHeightHeading: number;
  radius: string;
  /** Width of borders and rules (antd's `lineWidth`), and of the keyboard focus ring. */
  lineWidth: string;
  focusWidth: string;
  colorPrimary: string;
  colorText: string;
  colorTextSecondary: string;
  colorBg: string;
  colorBgSubtle: string;
  colorBorder: string;
  colorSuccess: string;
  colorWarning: string;
  colorError: string;
  colorInfo: string;
  /** A palette for series and categories. */
  series: string[];
  isDark: boolean;
  /** Widths at which the layout changes, in pixels. */
  breakpoints: { narrow: number; wide: number };
}

const FALLBACK = {
  unit: 4,
  fontFamily: "Inter, 'Helvetica Neue', Arial, sans-serif",
  fontSize: 14,
  colorPrimary: '#2893B3',
  colorText: '#1f1f1f',
  colorTextSecondary: '#6b6b6b',
  colorBg: '#ffffff',
  colorBgSubtle: '#f5f7f9',
  colorBorder: '#e0e0e0',
  colorSuccess: '#3f8600',
  colorWarning: '#d48806',
  colorError: '#cf1322',
  colorInfo: '#1677ff',
  radius: 6,
};
const SERIES = ['#2893B3', '#5AC189', '#FF7F44', '#666666', '#E04355', '#FCC700', '#A868B7', '#3CCCCB'];

const get = (source: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Dict)[key] : undefined), source);

function pick<T>(theme: unknown, paths: string[], fallback: T, isValid: (v: unknown) => boolean): T {
  for (const path of paths) {
    const value = get(theme, path);
    if (isValid(value)) return value as T;
  }
  return fallback;
}
const colour = (theme: unknown, paths: string[], fallback: string) =>
  pick(theme, paths, fallback, v => typeof v === 'string' && v.trim() !== '');
const num = (theme: unknown, paths: string[], fallback: number) =>
  pick(theme, paths, fallback, v => typeof v === 'number' && Number.isFinite(v) && v > 0);

type Rgb = [number, number, number];

const toHex = (rgb: Rgb) => `#${rgb.map(c => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** #rgb, #rrggbb(aa) or rgb()/rgba() as red, green, blue and alpha; undefined when it cannot be read. */
function parseRgba(value: string): [Rgb, number] | undefined {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})([0-9a-f]{2})?$/i.exec(value.trim());
  if (hex) {
    const h = hex[1].length === 3 ? hex[1].replace(/./g, c => c + c) : hex[1];
    const alpha = hex[2] ? parseInt(hex[2], 16) / 255 : 1;
    return [[0, 2, 4].map(i => parseInt(h.slice(i, i + 2), 16)) as Rgb, alpha];
  }
  const fn = /^rgba?\(\s*(\d+)[,\s]+(\d+)[,\s]+(\d+)(?:[,\s/]+([\d.]+%?))?/i.exec(value.trim());
  if (!fn) return undefined;
  const alpha = fn[4] === undefined ? 1 : fn[4].endsWith('%') ? parseFloat(fn[4]) / 100 : parseFloat(fn[4]);
  return [fn.slice(1, 4).map(Number) as Rgb, Number.isFinite(alpha) ? Math.min(1, Math.max(0, alpha)) : 1];
}

const parseColour = (value: string): Rgb | undefined => parseRgba(value)?.[0];

/** A translucent colour (antd's fills are) as the solid colour it shows over `background`. */
export function solid(colour: string, background: string): string {
  const top = parseRgba(colour);
  const bottom = parseColour(background);
  if (!top || !bottom || top[1] >= 1) return colour;
  const [rgb, alpha] = top;
  return toHex(rgb.map((c, i) => c * alpha + bottom[i] * (1 - alpha)) as Rgb);
}

/** WCAG contrast ratio of two colours (1 to 21); undefined when one cannot be read. */
export function contrast(a: string, b: string): number | undefined {
  const la = luminance(a);
  const lb = luminance(b);
  if (la === undefined || lb === undefined) return undefined;
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * The colour, darkened on a light background (lightened on a dark one) just enough to reach `ratio` against it:
 * status colours and the primary colour are used as small text, which needs 4.5:1 (WCAG AA).
 */
export function readable(colour: string, background: string, ratio = 4.5): string {
  const rgb = parseColour(colour);
  const bg = luminance(background);
  if (!rgb || bg === undefined || (contrast(colour, background) ?? 0) >= ratio) return colour;
  const target = bg > 0.5 ? 0 : 255;
  for (let step = 1; step <= 20; step += 1) {
    const mixed = rgb.map(c => c + (target - c) * (step / 20)) as Rgb;
    if ((contrast(toHex(mixed), background) ?? 0) >= ratio) return toHex(mixed);
  }
  return toHex([target, target, target]);
}

/** Relative luminance of a #rgb / #rrggbb / rgb() colour; undefined when it cannot be read. */
export function luminance(value: string): number | undefined {
  const rgb = parseColour(value);
  if (!rgb) return undefined;
  const [r, g, b] = rgb.map(c => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const cache = new WeakMap<object, Tokens>();

export function getTokens(theme: unknown): Tokens {
  if (theme && typeof theme === 'object' && cache.has(theme)) return cache.get(theme) as Tokens;
  const unit = num(theme, ['sizeUnit', 'gridUnit'], FALLBACK.unit);
  const fontSize = num(theme, ['fontSize', 'typography.sizes.m'], FALLBACK.fontSize);
  const colorBg = colour(theme, ['colorBgContainer', 'colors.grayscale.light5'], FALLBACK.colorBg);
  const isDark = (luminance(colorBg) ?? 1) < 0.3;
  const colorBgSubtle = solid(
    colour(
      theme,
      ['colorBgLayout', 'colorFillQuaternary', 'colors.grayscale.light4'],
      isDark ? '#1d1d1d' : FALLBACK.colorBgSubtle,
    ),
    colorBg,
  );
  // Text colours sit on both backgrounds (cards and subtle panels, pressed buttons): readable on each.
  const onBoth = (c: string) => readable(readable(c, colorBg), colorBgSubtle);
  const px = (n: number) => `${Math.round(n * 100) / 100}px`;
  const tokens: Tokens = {
    unit,
    space: n => px(n * unit),
    px,
    fontFamily: colour(theme, ['fontFamily', 'typography.families.sansSerif'], FALLBACK.fontFamily),
    fontSize: px(fontSize),
    fontSizeSm: px(num(theme, ['fontSizeSM', 'typography.sizes.s'], fontSize - 2)),
    fontSizeLg: px(num(theme, ['fontSizeLG', 'typography.sizes.l'], fontSize + 2)),
    fontSizeXl: px(num(theme, ['fontSizeXL', 'fontSizeHeading4', 'typography.sizes.xl'], fontSize + 6)),
    fontSizeXxl: px(num(theme, ['fontSizeHeading3', 'typography.sizes.xxl'], fontSize + 10)),
    fontWeightStrong: num(theme, ['fontWeightStrong', 'typography.weights.bold'], 600),
    lineHeight: num(theme, ['lineHeight'], 1.5715),
    lineHeightHeading: num(theme, ['lineHeightHeading3'], 1.4),
    radius: px(num(theme, ['borderRadius'], FALLBACK.radius)),
    lineWidth: px(num(theme, ['lineWidth'], 1)),
    focusWidth: px(num(theme, ['lineWidthFocus'], 2)),
    colorPrimary: onBoth(colour(theme, ['colorPrimary', 'colors.primary.base'], FALLBACK.colorPrimary)),
    colorText: colour(theme, ['colorText', 'colors.grayscale.dark2'], isDark ? '#f0f0f0' : FALLBACK.colorText),
    colorTextSecondary: colour(
      theme,
      ['colorTextSecondary', 'colorTextDescription', 'colors.grayscale.base'],
      isDark ? '#a6a6a6' : FALLBACK.colorTextSecondary,
    ),
    colorBg,
    colorBgSubtle,
    colorBorder: colour(
      theme,
      ['colorBorderSecondary', 'colorBorder', 'colors.grayscale.light2'],
      isDark ? '#424242' : FALLBACK.colorBorder,
    ),
    colorSuccess: onBoth(colour(theme, ['colorSuccess', 'colors.success.base'], FALLBACK.colorSuccess)),
    colorWarning: onBoth(colour(theme, ['colorWarning', 'colors.warning.base'], FALLBACK.colorWarning)),
    colorError: onBoth(colour(theme, ['colorError', 'colors.error.base'], FALLBACK.colorError)),
    colorInfo: onBoth(colour(theme, ['colorInfo', 'colors.info.base'], FALLBACK.colorInfo)),
    series: SERIES,
    isDark,
    breakpoints: { narrow: 520, wide: 900 },
  };
  if (theme && typeof theme === 'object') cache.set(theme, tokens);
  return tokens;
}

/** antd's ConfigProvider theme from the same tokens, so antd parts match the host in light and dark. */
/**
 * The chart's own antd class prefix. Superset 4.1 and 5.0 load antd 4's stylesheet page-wide, with rules on every
 * `.ant-*` class (an extra 32 px between tabs, black active tabs, antd 4 button corners), and Superset 6 restyles
 * `.ant-*` for its own components. With its own prefix the chart's components match none of those rules, and the
 * chart's antd styles never reach the host's components.
 */
export const ANTD_PREFIX = 'cp360';
export const ANTD_ICON_PREFIX = 'cp360icon';

/** A class name of the chart's antd components, e.g. `antdClass('tabs-nav')` is `cp360-tabs-nav`. */
export const antdClass = (name: string): string => `${ANTD_PREFIX}-${name}`;

export function antdThemeOf(tokens: Tokens): ThemeConfig {
  return {
    algorithm: tokens.isDark ? antdTheme.darkAlgorithm : antdTheme.defaultAlgorithm,
    token: {
      colorPrimary: tokens.colorPrimary,
      colorLink: tokens.colorPrimary,
      colorInfo: tokens.colorInfo,
      colorBgContainer: tokens.colorBg,
      colorText: tokens.colorText,
      colorBorder: tokens.colorBorder,
      fontFamily: tokens.fontFamily,
    },
  };
}

/** Demo and test themes in Superset 6's token shape (antd v5 names), light and dark. */
export const SAMPLE_THEMES = {
  light: {
    sizeUnit: 4,
    fontSize: 14,
    colorPrimary: '#2893B3',
    colorText: '#1f1f1f',
    colorTextSecondary: '#6b6b6b',
    colorBgContainer: '#ffffff',
    colorBgLayout: '#f5f7f9',
    colorBorderSecondary: '#e0e0e0',
    colorSuccess: '#3f8600',
    colorWarning: '#b26a00',
    colorError: '#cf1322',
    colorInfo: '#1677ff',
    borderRadius: 6,
  },
  dark: {
    sizeUnit: 4,
    fontSize: 14,
    colorPrimary: '#4fb3d9',
    colorText: '#e8e8e8',
    colorTextSecondary: '#a8a8a8',
    colorBgContainer: '#141414',
    colorBgLayout: '#1f1f1f',
    colorBorderSecondary: '#303030',
    colorSuccess: '#73d13d',
    colorWarning: '#ffc53d',
    colorError: '#ff7875',
    colorInfo: '#69b1ff',
    borderRadius: 6,
  },
} as const;
