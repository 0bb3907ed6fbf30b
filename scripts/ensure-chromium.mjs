// Fails early, with the fix, when the browser the e2e tests drive is missing.
import { existsSync } from 'node:fs';

const candidates = [
  process.env.CHROME_PATH,
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
].filter(Boolean);
if (!candidates.some((p) => existsSync(p))) {
  console.error(
    [
      'e2e: Chromium not found (looked at CHROME_PATH, /usr/lib/chromium/chromium, /usr/bin/chromium).',
      'Install it with:  sudo apt-get update && sudo apt-get install -y chromium',
      'or point CHROME_PATH at a Chromium/Chrome binary. (`bash .ci/run` installs it for you.)',
    ].join('\n'),
  );
  process.exit(1);
}
