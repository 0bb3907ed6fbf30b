/** Number and duration formats shared by the Train components. */

/** `m:ss` under an hour, else `h:mm:ss`; '–' for a missing or negative duration. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms == null || !Number.isFinite(ms) || ms < 0) return '–';
  const total = Math.round(ms / 1000);
  const s = total % 60;
  const m = Math.floor(total / 60) % 60;
  const h = Math.floor(total / 3600);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** A figure with about `digits` significant digits; small and large ones in exponent form. */
export function formatValue(v: number | null | undefined, digits = 3): string {
  if (v == null || Number.isNaN(v)) return '–';
  if (v === 0 || !Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a < 1e-3 || a >= 1e5) return v.toExponential(digits - 1);
  return String(+v.toPrecision(digits));
}
