// What the paste area says about its input, and "Explain this page": a
// PDF or an image is refused, a bare web address gets a message, a
// rich-text paste reports what it kept (with "paste as plain text
// instead"), and the bookmarklet hands a page from another site to Gloss.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, open, appStarted } from './helpers.mjs';
import { startServer } from '../../scripts/lib/static-server.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

test('a PDF or an image is refused with what to do instead; the text is kept', async () => {
  const { context, page, log } = await open(env);
  await page.fill('#article-input', 'Kept text.');
  await page.setInputFiles('#file-input', { name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%\xe2\xe3\n1 0 obj') });
  await page.waitForSelector('#error');
  assert.match(await page.textContent('#error'), /“report\.pdf” is a PDF: Gloss reads text and web pages only\. Open it, select the article's text, copy it and paste it here/);
  assert.equal(await page.inputValue('#article-input'), 'Kept text.');
  await page.click('#error button');
  await page.setInputFiles('#file-input', { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]) });
  await page.waitForSelector('#error');
  assert.match(await page.textContent('#error'), /“photo\.png” is an image/);
  // A binary file with a text-like name is caught by its content.
  await page.click('#error button');
  await page.setInputFiles('#file-input', { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from([0, 1, 2, 0xff, 0xfe, 0, 0, 3]) });
  await page.waitForSelector('#error');
  assert.match(await page.textContent('#error'), /“notes\.txt” is not text/);
  assert.equal(await page.inputValue('#article-input'), 'Kept text.');
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a bare web address: Gloss fetches nothing, and says what to do', async () => {
  const { context, page } = await open(env);
  await page.focus('#article-input');
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData('text/plain', 'https://news.example.org/2026/10/harbour-vote.html');
    document.querySelector('#article-input').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  await page.waitForSelector('#notice');
  assert.match(await page.textContent('#notice'), /web address\. Gloss does not fetch pages, so nothing leaves your browser: open the article, select all of it/);
  await page.fill('#article-input', 'https://news.example.org/2026/10/harbour-vote.html');
  await page.click('#explain');
  await page.waitForSelector('#error');
  assert.match(await page.textContent('#error'), /does not fetch pages/);
  assert.equal(await page.locator('article').count(), 0);
  await context.close();
});

test('a rich-text paste says what it kept and left out, and can be pasted as plain text instead', async () => {
  const { context, page } = await open(env);
  await page.focus('#article-input');
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData('text/html', '<html><body><nav><a href="/">Home</a> | <a href="/world">World</a></nav><article><h1>Harbour vote</h1><p>The council voted on Tuesday.</p><p>Mayor Ingrid Solberg proposed the plan.</p><img src="x.jpg"></article><script>track()</script></body></html>');
    dt.setData('text/plain', 'PLAIN: Home | World Harbour vote The council voted on Tuesday.');
    document.querySelector('#article-input').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => document.querySelector('#article-input').value.includes('Solberg'));
  const notice = await page.textContent('#notice');
  assert.match(notice, /Converted from a web page: kept \d+ paragraphs?, left out 1 menu, 1 image and the page's code; links became plain text\./);
  await page.click('#plain-instead');
  assert.equal(await page.inputValue('#article-input'), 'PLAIN: Home | World Harbour vote The council voted on Tuesday.');
  assert.equal(await page.locator('#notice').count(), 0);
  await context.close();
});

test('"Explain this page": the bookmarklet hands a page from another site to Gloss, which explains it', async () => {
  // A stand-in for a news site, on another origin.
  const dir = mkdtempSync(join(tmpdir(), 'gloss-news-'));
  writeFileSync(
    join(dir, 'story.html'),
    `<!doctype html><html><head><title>Harbour vote | Daily Example</title></head><body>
     <nav><a href="/">Home</a> <a href="/world">World</a></nav>
     <article><h1>Harbour city votes to cap cruise ships</h1>
     <p>Mayor Ingrid Solberg proposed the harbour plan on Tuesday, and the Dockworkers Union opposed the plan.</p>
     <p>Tomas Reyna, who chairs the union, said the union would go to court.</p></article>
     <footer>© Daily Example</footer><script>window.siteScript = 1;</script></body></html>`,
  );
  const news = await startServer(dir, 0);
  try {
    const { context, page } = await open(env);
    const href = await page.getAttribute('#bookmarklet', 'href');
    assert.ok(href.startsWith('javascript:'), href);
    // Pressing the link on Gloss itself explains how to use it.
    await page.click('#bookmarklet');
    assert.match(await page.textContent('#notice'), /Drag this link to your bookmarks bar/);
    // On the news page, the bookmark is clicked (a click, as from the bookmarks bar).
    const site = await context.newPage();
    const requests = [];
    context.on('request', (r) => requests.push(r.url()));
    await site.goto(news.url + 'story.html');
    await site.evaluate((h) => {
      const a = document.createElement('a');
      a.id = 'gloss-bookmark';
      a.href = h;
      a.textContent = 'Explain this page';
      document.body.append(a);
    }, href);
    const [gloss] = await Promise.all([context.waitForEvent('page'), site.click('#gloss-bookmark')]);
    await appStarted(gloss);
    await gloss.waitForSelector('article [data-actor]', { timeout: 30_000 });
    assert.match(await gloss.textContent('article'), /Mayor Ingrid Solberg proposed the harbour plan/);
    assert.doesNotMatch(await gloss.textContent('article'), /Home World|© Daily Example/, 'menus and footer left out');
    assert.equal(await gloss.evaluate(() => window.siteScript), undefined, 'the page never ran in Gloss');
    assert.equal(new URL(gloss.url()).hash, '', 'the hand-over marker is removed from the address');
    // Nothing went anywhere but the two local servers, and Gloss asked only its own.
    const glossHost = new URL(env.server.url).host;
    const newsHost = new URL(news.url).host;
    assert.deepEqual(requests.filter((u) => ![glossHost, newsHost].includes(new URL(u).host)), []);
    assert.deepEqual(gloss.context() === context ? [] : ['other context'], []);
    await context.close();

    // A message of another shape, or from another window, is ignored.
    const c2 = await env.browser.newContext();
    const p2 = await c2.newPage();
    await p2.goto(news.url + 'story.html');
    const [g2] = await Promise.all([
      c2.waitForEvent('page'),
      p2.evaluate((u) => {
        const w = window.open(u + '#from=bookmarklet', '_blank');
        addEventListener('message', (e) => {
          if (e.source === w && e.data?.type === 'gloss:ready') {
            w.postMessage({ type: 'gloss:page', version: 1, html: 42 }, '*');
            w.postMessage({ type: 'something else', html: '<p>Not this.</p>' }, '*');
            window.__sent = true;
          }
        });
      }, env.server.url),
    ]);
    await appStarted(g2);
    await p2.waitForFunction(() => window.__sent === true);
    await g2.waitForTimeout(500);
    assert.equal(await g2.locator('article').count(), 0);
    assert.equal(await g2.inputValue('#article-input'), '');
    await c2.close();
  } finally {
    await news.close();
  }
});
