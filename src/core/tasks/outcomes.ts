import type { Outcome } from '../answers/testSource';

/** Two recorded outcomes agree: same value source, or both threw (messages may differ). */
export function sameOutcome(a: Outcome | null, b: Outcome | null): boolean {
  if (!a || !b) return false;
  if ('threw' in a || 'threw' in b) return 'threw' in a && 'threw' in b;
  return a.value === b.value;
}

/** Indices where a mutant's outcomes differ from the correct code's. */
export function distinguishing(
  correct: readonly (Outcome | null)[],
  mutant: readonly (Outcome | null)[],
): number[] {
  const out: number[] = [];
  correct.forEach((c, i) => {
    if (c && !sameOutcome(c, mutant[i] ?? null)) out.push(i);
  });
  return out;
}

/** How an outcome reads in an issue: a value, or the error thrown. */
export function describeOutcome(
  o: Outcome | null,
): { kind: 'value'; text: string } | { kind: 'error'; message: string } {
  if (!o) return { kind: 'error', message: 'the call never returns (it hangs)' };
  return 'threw' in o ? { kind: 'error', message: o.threw } : { kind: 'value', text: o.value };
}
