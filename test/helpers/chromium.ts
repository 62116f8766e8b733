// Debian's Chromium driven by playwright-core. A missing browser is a failure with
// instructions, never a skip: the end-to-end tests are part of `npm test`.
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../electron/core/export/chromium.js';

export function chromiumPath(): string {
  const found = findChromium();
  if (!found) {
    throw new Error(
      'Chromium was not found. Install it (Debian: apt-get install -y chromium fonts-noto-cjk) or set FIELDWORK_CHROMIUM to its path.',
    );
  }
  return found;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}
