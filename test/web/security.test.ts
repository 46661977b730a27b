/**
 * Every text is rendered as text: names, titles, outlets, quotes and pasted articles that hold <script>,
 * <img onerror> and markdown links show up literally in every view, nothing they carry runs, no element
 * comes from them, and a javascript: URL is never a link. The page runs under the server's CSP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, skipBrowser, type Browser } from './browser.js';
import { assertWebBuilt, startFixtureServer, type TestServer } from '../server/harness.js';
import { HOSTILE } from '../server/corpus-fixture.js';

describe.skipIf(skipBrowser)('hostile text in the web app', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    assertWebBuilt();
    server = await startFixtureServer();
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Nothing ran, no element was made from the data, no javascript: link exists. */
  const assertInert = async (where: string) => {
    const state = await page.evaluate(() => ({
      xss: (window as unknown as { __xss?: string }).__xss ?? null,
      scripts: document.querySelectorAll('#app script, #app img, #app iframe, #app b').length,
      jsLinks: [...document.querySelectorAll('a')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href') ?? '')).length,
    }));
    expect(state, where).toEqual({ xss: null, scripts: 0, jsLinks: 0 });
    await page.screenshot({ path: join(browser.shots, 'hostile-' + where + '.png'), fullPage: true });
  };

  const appText = () => page.locator('#app').innerText();

  it('autocomplete and the actor page show hostile names literally', async () => {
    await page.goto(server.url + '/');
    await page.locator('#search').fill('Hostile');
    const option = page.getByRole('option').first();
    await option.waitFor();
    await expect(option.innerText()).resolves.toContain(HOSTILE.person);
    await assertInert('suggest');
    await option.click();
    await page.getByTestId('actor-name').waitFor();
    await expect(page.getByTestId('actor-name').innerText()).resolves.toContain(HOSTILE.person);
    const text = await appText();
    expect(text).toContain(HOSTILE.org);
    expect(text).toContain(HOSTILE.link);
    await assertInert('actor');
  });

  it('the article view shows hostile title, outlet, names and quote literally, and does not link a javascript: url', async () => {
    await page.goto(server.url + '/#/?q=HOSTILE%20NAMES');
    await page.getByTestId('article-results').locator('a').first().click();
    await page.getByTestId('article-title').waitFor();
    await expect(page.getByTestId('article-title').innerText()).resolves.toBe(`<script>window.__xss='title'</script> Hostile names`);
    const text = await appText();
    expect(text).toContain(`<img src=x onerror="window.__xss='outlet'">`);
    expect(text).toContain(`javascript:window.__xss='url'`); // shown as text
    expect(text).toContain('<b>Bold</b> plans [here](javascript:void(0))');
    await expect(page.locator('.text .quote').first().getAttribute('data-speaker')).resolves.toBe(HOSTILE.link);
    await expect(page.getByTestId('brief').innerText()).resolves.toContain(HOSTILE.org);
    await assertInert('article');
  });

  it('the pipeline-read article with markup in its text stays text', async () => {
    await page.goto(server.url + '/#/?q=city%20hall');
    await page.getByTestId('article-results').locator('a').first().click();
    await page.getByTestId('article-title').waitFor();
    await expect(page.getByTestId('article-title').innerText()).resolves.toContain('<script>');
    expect(await appText()).toContain(`[Ann Reed](javascript:window.__xss='link')`);
    await assertInert('pipeline-article');
  });

  it('network, channels and the paste box stay inert', async () => {
    await page.goto(server.url + '/#/network?ego=person%3Ahostile&depth=2');
    await page.getByTestId('network-graph').locator('canvas').first().waitFor();
    await assertInert('network');
    await page.goto(server.url + '/#/channels?from=person%3Alink&to=org%3Amarkup');
    await page.locator('li.path').first().waitFor();
    expect(await page.locator('li.path .chain').first().innerText()).toContain(HOSTILE.org);
    await assertInert('channels');
    await page.goto(server.url + '/#/analyze');
    await page.locator('#paste').fill(`Mayor <img src=x onerror="window.__xss='paste'"> Vale met [Ann Reed](javascript:alert(1)) in Springfield on Monday.\n\n"<script>window.__xss='pasted'</script> We agree," Vale said.`);
    await page.locator('#analyze').click();
    await page.getByTestId('brief').waitFor({ timeout: 30_000 });
    expect(await appText()).toContain(`<script>window.__xss='pasted'</script>`);
    await assertInert('paste');
  });

  it('raised no console errors and no CSP violations', () => {
    expect(browser.problems).toEqual([]);
  });
});
