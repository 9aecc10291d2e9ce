// Measures Explain → rendered on the sample (printed; scripts/budget.sh reads
// target/e2e/timing.json) and takes screenshots of the result view at desktop
// and phone widths, light and dark (into target/e2e/, or docs/ when
// UPDATE_SCREENSHOTS=1).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { start, open, explainSample, mention, ROOT, OUT } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

test('Explain → rendered time on the sample', async () => {
  const { context, page } = await open(env);
  await explainSample(page); // warm-up (worker start, wasm compile)
  const app = [];
  const wall = [];
  const core = [];
  for (let i = 0; i < 5; i++) {
    await page.click('#edit-text');
    await page.waitForSelector('#explain');
    const t = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const t0 = performance.now();
          const seen = new MutationObserver(() => {
            const r = document.querySelector('.reader[data-render-ms]');
            if (r) {
              seen.disconnect();
              resolve({ wall: performance.now() - t0, app: Number(r.dataset.renderMs), core: Number(r.dataset.analysisMs) });
            }
          });
          seen.observe(document.body, { subtree: true, childList: true, attributes: true });
          document.querySelector('#explain').click();
        }),
    );
    app.push(t.app);
    wall.push(t.wall);
    core.push(t.core);
  }
  const timing = { explain_to_render_ms: median(app), wall_ms: median(wall), core_ms: median(core), runs: app.length };
  await writeFile(join(OUT, 'timing.json'), JSON.stringify(timing, null, 2) + '\n');
  console.log(`# Explain → rendered on the sample: median ${timing.explain_to_render_ms.toFixed(1)} ms (core ${timing.core_ms.toFixed(1)} ms, observed ${timing.wall_ms.toFixed(1)} ms)`);
  assert.ok(Number.isFinite(timing.explain_to_render_ms));
  await context.close();
});

test('screenshots of the result view', async () => {
  const dir = process.env.UPDATE_SCREENSHOTS === '1' ? join(ROOT, 'docs') : OUT;
  const shots = [
    ['screenshot.png', 1280, 860, 'light'],
    ['screenshot-dark.png', 1280, 860, 'dark'],
    ['screenshot-phone.png', 390, 844, 'light'],
    ['screenshot-phone-dark.png', 390, 844, 'dark'],
  ];
  for (const [name, width, height, colorScheme] of shots) {
    const { context, page } = await open(env, { width, height, colorScheme });
    await explainSample(page);
    await mention(page, 'Putin').click();
    await page.locator('[data-card]').waitFor();
    await page.evaluate(() => document.activeElement?.blur());
    // Wide: the top of the result (headline, summary, stance map) beside the card.
    if (width > 600) await page.evaluate(() => scrollTo(0, 0));
    const png = await page.screenshot({ path: join(dir, name) });
    assert.ok(png.length > 10_000, `${name} has content`);
    await context.close();
  }
});

test('screenshots of the stance map with a stance opened from it', async () => {
  const dir = process.env.UPDATE_SCREENSHOTS === '1' ? join(ROOT, 'docs') : OUT;
  for (const [name, colorScheme] of [['screenshot-stance-map.png', 'light'], ['screenshot-stance-map-dark.png', 'dark']]) {
    const { context, page } = await open(env, { width: 1280, height: 860, colorScheme });
    await explainSample(page);
    const edge = page.locator('.stance-map .edge[data-stance="proposes"]').first();
    await edge.focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-card] .stance.current').waitFor();
    await page.locator('.positions').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    const png = await page.screenshot({ path: join(dir, name) });
    assert.ok(png.length > 10_000, `${name} has content`);
    await context.close();
  }
});
