import { supersetTheme } from '@superset-ui/core';
import { contrast, getTokens, readable, SAMPLE_THEMES } from '../../src/theme/tokens';

test('reads Superset 6 antd tokens', () => {
  const k = getTokens({ ...SAMPLE_THEMES.light, sizeUnit: 5, fontSize: 15 });
  expect(k.space(2)).toBe('10px');
  expect(k.fontSize).toBe('15px');
  expect(k.colorBg).toBe('#ffffff');
  expect(k.isDark).toBe(false);
});

test('reads Superset 4/5 themes (gridUnit, colors.*)', () => {
  const k = getTokens(supersetTheme);
  expect(k.unit).toBe(supersetTheme.gridUnit);
  expect(k.colorText).toBe(supersetTheme.colors.grayscale.dark2);
});

test('an empty or missing theme falls back to readable light values', () => {
  [undefined, {}, { sizeUnit: 'x', colorPrimary: 42 }].forEach(theme => {
    const k = getTokens(theme);
    expect(k.unit).toBe(4);
    expect(contrast(k.colorText, k.colorBg)).toBeGreaterThanOrEqual(7);
  });
});

test('a dark host is detected from its container background, hex or rgb()', () => {
  expect(getTokens(SAMPLE_THEMES.dark).isDark).toBe(true);
  expect(getTokens({ colorBgContainer: 'rgb(20, 20, 20)', colorText: 'rgba(255,255,255,0.85)' }).isDark).toBe(true);
});

test.each([
  ['light', SAMPLE_THEMES.light],
  ['dark', SAMPLE_THEMES.dark],
  ['Superset brand teal on white', { colorPrimary: '#2893B3', colorBgContainer: '#ffffff' }],
])('primary and status colours read at 4.5:1 or more on the %s background', (_, theme) => {
  const k = getTokens(theme);
  [k.colorPrimary, k.colorSuccess, k.colorWarning, k.colorError, k.colorInfo].forEach(colour =>
    expect(contrast(colour, k.colorBg)).toBeGreaterThanOrEqual(4.5),
  );
});

test("antd's translucent fills are read as the solid colour they show", () => {
  const k = getTokens({
    colorBgContainer: '#ffffff',
    colorFillQuaternary: 'rgba(0, 0, 0, 0.02)',
    colorPrimary: '#2893B3',
  });
  expect(k.colorBgSubtle).toBe('#fafafa');
  expect(k.isDark).toBe(false);
  expect(contrast(k.colorPrimary, k.colorBgSubtle)).toBeGreaterThanOrEqual(4.5);
});

test('readable leaves colours that already contrast enough alone', () => {
  expect(readable('#000000', '#ffffff')).toBe('#000000');
  expect(readable('not a colour', '#ffffff')).toBe('not a colour');
});
