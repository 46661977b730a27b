/**
 * The web app in real headless Chromium against a real server over the fixture corpus: search and the
 * actor page, channels with a hop expanded to its sentence, the time slider changing the edge count,
 * an article with a quote marked with its speaker, a pasted article's brief. Screenshots go to a temp folder.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, skipBrowser, type Browser } from './browser.js';
import { assertWebBuilt, startFixtureServer, type TestServer } from '../server/harness.js';

describe.skipIf(skipBrowser)('web app in Chromium', () => {
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

  const shot = (name: string) => page.screenshot({ path: join(browser.shots, name + '.png'), fullPage: true });

  it('searches "Trump", picks him from the suggestions and opens his page', async () => {
    await page.goto(server.url + '/');
    await page.locator('#search').fill('Trump');
    const option = page.getByRole('option').filter({ hasText: 'Donald Trump' });
    await option.first().waitFor();
    await expect(option.first().textContent()).resolves.toMatch(/person.*degree \d+/);
    await option.first().click();
    await page.waitForURL(/#\/actor\/person/);
    await expect(page.getByTestId('actor-name').textContent()).resolves.toContain('Donald Trump');
    // his relations are listed with their evidence sentences and article links
    const evidence = page.locator('.relation blockquote.evidence').first();
    await evidence.waitFor();
    await expect(evidence.locator('.sentence').textContent()).resolves.toMatch(/Trump/);
    await expect(evidence.locator('a').getAttribute('href')).resolves.toMatch(/^#\/article\/[0-9a-f]+$/);
    await shot('actor');
  });

  it('finds channels between two actors and expands a hop to its sentence', async () => {
    await page.goto(server.url + '/#/channels');
    await page.locator('#channel-from').fill('Hillman');
    await page.getByRole('option').filter({ hasText: 'Kirsten Hillman' }).first().click();
    await page.locator('#channel-to').fill('Trump');
    await page.getByRole('option').filter({ hasText: 'Donald Trump' }).first().click();
    await page.locator('#find-channels').click();
    const firstPath = page.locator('li.path').first();
    await firstPath.waitFor();
    await expect(firstPath.locator('.chain').textContent()).resolves.toMatch(/^Kirsten Hillman → .*Donald Trump/);
    const hop = firstPath.locator('.hop-toggle').first();
    await expect(firstPath.locator('.hop-evidence').count()).resolves.toBe(0);
    await hop.click();
    const sentence = firstPath.locator('.hop-evidence .sentence').first();
    await sentence.waitFor();
    expect((await sentence.textContent())!.length).toBeGreaterThan(20);
    await expect(firstPath.locator('.hop-evidence a').first().getAttribute('href')).resolves.toMatch(/^#\/article\//);
    await page.getByTestId('channels-graph').locator('canvas').first().waitFor();
    // below the paths, the story between the two (src/watch/story.ts through /api/story)
    await expect(page.getByTestId('story').locator('h2').textContent()).resolves.toBe('Story: Kirsten Hillman and Donald Trump');
    await shot('channels');
  });

  it('draws the network and the time slider changes the edge count', async () => {
    await page.goto(server.url + '/#/network');
    const graph = page.getByTestId('network-graph');
    await graph.locator('canvas').first().waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="network-graph"]')?.getAttribute('data-rendered') !== null);
    const count = page.getByTestId('edge-count');
    const before = Number(await count.textContent());
    expect(before).toBeGreaterThan(2);
    const until = page.locator('#time-to');
    await until.fill('0');
    await expect.poll(async () => Number(await count.textContent())).toBeLessThan(before);
    const earliest = Number(await count.textContent());
    expect(earliest).toBeGreaterThan(0);
    await expect(page.getByTestId('time-to').textContent()).resolves.toMatch(/^\d{4}(-\d{2})?$/);
    await until.fill(await until.getAttribute('max') ?? '0');
    await expect.poll(async () => Number(await count.textContent())).toBe(before);
    await page.waitForFunction(() => document.querySelector('[data-testid="network-graph"]')?.getAttribute('data-layout') === 'done', null, { timeout: 30_000 });
    await shot('network');
  });

  it('shows an article with a quote highlighted and its speaker named', async () => {
    await page.goto(server.url + '/#/?q=' + encodeURIComponent('constructive conversation'));
    const link = page.getByTestId('article-results').locator('a').first();
    await link.waitFor();
    await link.click();
    await page.waitForURL(/#\/article\//);
    await expect(page.getByTestId('article-title').textContent()).resolves.toContain('Carney and Trump');
    const quote = page.locator('.text .quote[data-speaker="Mark Carney"]').first();
    await quote.waitFor();
    await expect(quote.textContent()).resolves.toMatch(/frank and constructive/);
    const tag = page.getByTestId('speaker-tag').filter({ hasText: 'Mark Carney' }).first();
    await expect(tag.isVisible()).resolves.toBe(true);
    // the quote's colour comes from its speaker's class, the same as the legend's swatch
    const cls = (await quote.getAttribute('class'))!.match(/q-\d/)![0];
    await expect(page.getByTestId('speakers').locator('li', { hasText: 'Mark Carney' }).locator('.swatch').getAttribute('class')).resolves.toContain(cls);
    await expect(page.getByTestId('brief').textContent()).resolves.toContain('Mark Carney');
    await shot('article');
  });

  it('analyses a pasted article and shows its brief', async () => {
    await page.goto(server.url + '/#/analyze');
    const text = [
      '---',
      'title: Envoy meets minister in Lisbon',
      'published: 2025-02-04',
      '---',
      'LISBON - Foreign Minister Paulo Rangel met the Brazilian envoy Ana Souto in Lisbon on Monday, officials said.',
      '',
      '"We discussed trade and nothing else," Rangel said.',
    ].join('\n');
    await page.locator('#paste').fill(text);
    await page.locator('#analyze').click();
    const brief = page.getByTestId('brief');
    await brief.waitFor({ timeout: 30_000 });
    const body = (await brief.textContent())!;
    expect(body).toContain('Envoy meets minister in Lisbon');
    expect(body).toContain('Rangel');
    const quote = page.locator('.text .quote', { hasText: 'We discussed trade' }).first();
    await expect(quote.getAttribute('data-speaker')).resolves.toContain('Rangel');
    await shot('analyze');
  });

  it('ran without console errors or CSP violations', () => {
    expect(browser.problems).toEqual([]);
  });
});
