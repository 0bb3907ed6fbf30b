import { useEffect, useState } from 'react';

/**
 * `value`, updated at most once per `ms`: the latest value always arrives, at most `ms` late.
 * Charts use it so a fast run redraws them a few times a second at most.
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState({ value, at: 0 });
  useEffect(() => {
    if (shown.value === value) return;
    const wait = Math.max(0, shown.at + ms - Date.now());
    const timer = setTimeout(() => setShown({ value, at: Date.now() }), wait);
    return () => clearTimeout(timer);
  }, [value, shown, ms]);
  return shown.value;
}
