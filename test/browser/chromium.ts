// Headless Debian Chromium driven by playwright-core. No browser is downloaded: the system's is used,
// and its absence is an error that says how to install it (the test must not silently skip).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const args = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `No Chromium at ${chromiumPath}. The browser test needs Debian's chromium: run \`apt-get install -y chromium\` ` +
        '(.ci/run does it), or set CHROMIUM_PATH to a Chromium executable.',
    );
  }
  // A fresh profile every run, so no service worker or cache survives from an earlier run.
  const userDataDir = mkdtempSync(join(tmpdir(), 'deepseek-fake-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: chromiumPath, headless: true, args, timeout: 60_000 });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
