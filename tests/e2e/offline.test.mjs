// Offline after the first visit: the service worker keeps the site, the page
// says so, and with the server stopped a reload still paints, loads the
// engine and explains.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { DIST, appStarted, engineReady } from './helpers.mjs';
import { startServer } from '../../scripts/lib/static-server.mjs';

test('the server is stopped after the first visit and the page still works', async () => {
  const server = await startServer(DIST, 0);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(server.url);
    await engineReady(page);
    await page.waitForSelector('html[data-offline="ready"]', { state: 'attached', timeout: 30_000 });
    assert.ok(await page.isVisible('.offline-note'), 'the page says it works offline');
    assert.match(await page.textContent('.offline-note'), /without a connection/);
    await server.close();
    await page.reload();
    await appStarted(page);
    assert.match(await page.textContent('h1'), /who is who/);
    await page.click('#try-sample');
    await page.waitForSelector('article [data-actor]', { timeout: 30_000 });
    await engineReady(page);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await browser.close();
    await server.close().catch(() => {});
  }
});
