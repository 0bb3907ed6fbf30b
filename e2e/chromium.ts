import { existsSync } from 'node:fs';

/** Debian's Chromium (or CHROME_PATH); Playwright's own browser downloads are not reachable here. */
export function chromiumPath(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return fromEnv;
  // The wrapper /usr/bin/chromium prints a harmless warning; the real binary is beside it.
  for (const candidate of ['/usr/lib/chromium/chromium', '/usr/bin/chromium']) {
    if (existsSync(candidate)) return candidate;
  }
  return '/usr/bin/chromium';
}
