import { startTransition, useEffect, useState } from 'react';

/**
 * How many of `total` heavy children to show: one more per macrotask, in a transition, so
 * mounting many charts at once is several short tasks instead of one long freeze.
 */
export function useStaggered(total: number): number {
  const [shown, setShown] = useState(1);
  useEffect(() => {
    if (shown >= total) return;
    const timer = setTimeout(() => startTransition(() => setShown((n) => n + 1)), 0);
    return () => clearTimeout(timer);
  }, [shown, total]);
  return Math.min(shown, total);
}
