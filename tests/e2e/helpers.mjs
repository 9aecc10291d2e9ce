// Shared set-up for the browser tests: serves dist/ on a free local port,
// launches the system chromium through playwright-core (no browser download),
// and records every request, console error and CSP violation of a page.
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/lib/static-server.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The built site; GLOSS_DIST points elsewhere (e.g. a copy, while dist/ is being rebuilt). */
export const DIST = process.env.GLOSS_DIST || join(ROOT, 'dist');
export const OUT = join(ROOT, 'target', 'e2e');

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Starts the server and the browser. */
export async function start() {
  if (!existsSync(join(DIST, 'index.html')) || !existsSync(join(DIST, 'js', 'gloss.js'))) {
    throw new Error('dist/ is not built: run `bash scripts/build-site.sh` (make test-e2e does)');
  }
  mkdirSync(OUT, { recursive: true });
  const server = await startServer(DIST, 0);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ARGS,
  });
  return {
    server,
    browser,
    async stop() {
      await browser.close();
      await server.close();
    },
  };
}

/** Opens the app in a fresh context; `log` collects requests, errors and CSP violations. */
export async function open(env, { width = 1280, height = 860, colorScheme = 'light', path = '' } = {}) {
  const context = await env.browser.newContext({
    viewport: { width, height },
    colorScheme,
    acceptDownloads: true,
    reducedMotion: 'reduce',
  });
  const log = { requests: [], errors: [] };
  context.on('request', (r) => log.requests.push(r.url()));
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(m.text());
  });
  page.on('pageerror', (e) => log.errors.push(String(e)));
  await page.goto(env.server.url + path);
  if (!path) await appStarted(page);
  return { context, page, log };
}

/** Waits until the app has taken over from the static first paint (it sets `data-engine`). */
export async function appStarted(page) {
  await page.waitForSelector('html[data-engine]', { state: 'attached' });
}

/** Waits until the analysis engine can analyse. */
export async function engineReady(page) {
  await page.waitForSelector('html[data-engine="ready"]', { state: 'attached' });
}

/** The site's files by role ("first-load", "engine"), as the build listed them. */
export function siteFiles(role) {
  const list = JSON.parse(readFileSync(join(ROOT, 'target', 'site', 'site-files.json'), 'utf8'));
  return list.files.filter((f) => f.role === role).map((f) => f.name);
}

/** Presses "Try the sample" and waits for the highlighted article. */
export async function explainSample(page) {
  await page.click('#try-sample');
  await page.waitForSelector('article [data-actor]');
}

/** The first actor mention whose text is exactly `name`. */
export function mention(page, name) {
  return page.locator('[data-actor]').filter({ hasText: new RegExp(`^\\s*${name}\\s*$`) }).first();
}

/** Requests that went anywhere but the local server. */
export function foreignRequests(env, log) {
  return log.requests.filter(
    (u) => !u.startsWith(env.server.url) && !u.startsWith('data:') && !u.startsWith('blob:'),
  );
}
