import { plural } from '../../protocol/plural';
import type { RunSummary } from '../../protocol/training';

const two = (n: number) => String(n).padStart(2, '0');

/**
 * A compact local date and time to the second, `2026-12-06 14:17:56`: short enough for a picker,
 * and it still tells apart two imports of the same run made seconds apart.
 */
export function compactTime(at: number): string {
  const d = new Date(at);
  const date = `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
  return `${date} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** A run as a picker lists it: name, steps and when it was made (what tells same-named apart). */
export const runLabel = (r: Pick<RunSummary, 'name' | 'step' | 'createdAt'>): string =>
  `${r.name} · ${plural(r.step, 'step')} · ${compactTime(r.createdAt)}`;
