import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TASK_KINDS } from '../core/tasks/types';
import { kindTextColor } from './skillColors';

const css = readFileSync(new URL('../styles/base.css', import.meta.url), 'utf8');

/** A theme block's custom properties (`:root {` or `:root[data-theme='dark'] {`). */
function themeVars(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  const body = css.slice(start, css.indexOf('}', start));
  const pairs = [...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m): [string, string] => [
    m[1]!,
    m[2]!,
  ]);
  return Object.fromEntries(pairs);
}

/** WCAG relative luminance and contrast ratio of two #rrggbb colours. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

describe('task kinds as text', () => {
  it('read at 4.5:1 or more on the page, the panel and a picked row (badge), in both themes', () => {
    const light = themeVars(':root');
    const dark = { ...light, ...themeVars(":root[data-theme='dark']") };
    for (const vars of [light, dark])
      for (const kind of TASK_KINDS) {
        const name = /var\((--[\w-]+)\)/.exec(kindTextColor(kind))![1]!;
        const color = vars[name];
        expect(color, `${name} is set`).toMatch(/^#[0-9a-f]{6}$/i);
        for (const bg of [vars['--bg']!, vars['--panel']!, vars['--badge']!])
          expect(contrast(color!, bg), `${kind} ${color} on ${bg}`).toBeGreaterThanOrEqual(4.5);
      }
  });
});
