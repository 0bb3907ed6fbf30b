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

/** PLATFORM.md: without these, Chromium keeps trying to reach outside hosts. */
export const CHROMIUM_QUIET_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/** What the e2e `webgpu` project adds: a SwiftShader WebGPU adapter in headless Chromium. */
export const CHROMIUM_WEBGPU_FLAG = '--enable-unsafe-webgpu';
