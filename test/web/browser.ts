/**
 * Real headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core, with a fresh profile in a
 * temp folder. Without Chromium the browser tests fail, naming the install command; only
 * BACKCHANNEL_SKIP_BROWSER=1 turns them into a visible skip (for machines that cannot install it; CI does).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.BACKCHANNEL_CHROMIUM ?? '/usr/bin/chromium';
export const skipBrowser = process.env.BACKCHANNEL_SKIP_BROWSER === '1';
if (skipBrowser) console.warn('BACKCHANNEL_SKIP_BROWSER=1: the browser tests are skipped');

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  /** Screenshots land here (a temp folder, never the repository). */
  shots: string;
  /** Console errors and CSP violations seen on any page. */
  problems: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: install it (apt-get install -y chromium) or set BACKCHANNEL_CHROMIUM; BACKCHANNEL_SKIP_BROWSER=1 skips these tests`);
  const profile = mkdtempSync(join(tmpdir(), 'bc-chromium-profile-'));
  const shots = mkdtempSync(join(tmpdir(), 'bc-screenshots-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1400, height: 900 },
  });
  const problems: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return {
    context,
    shots,
    problems,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
