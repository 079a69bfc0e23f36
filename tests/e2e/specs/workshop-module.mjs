// Workshop mode's panel is a module of its own, loaded only in workshop mode: a visitor of
// the playground never downloads it, a learner sees the workshop loading and then the panel
// (fetched from the page's folder), and a module that cannot be fetched is a notice with a
// way to try again that then works.

import assert from 'node:assert/strict';
import { trackRequests } from '../lib/requests.mjs';

const WORKSHOP_MODULE = /\/idpool-workshop-[0-9a-f]+(_bg\.wasm|\.js|-snippets\/.*)$/;
const LOADED = '[data-testid="workshop"][data-loaded="true"][data-exercise="first-trust-policy"]';


const workshopOf = (urls) => urls.filter((url) => WORKSHOP_MODULE.test(new URL(url).pathname));

export const timeoutMs = 90_000;

export const tests = {
  'the playground never requests the workshop module': async (t) => {
    const page = await t.newPage();
    const urls = trackRequests(page);
    await page.goto(t.baseUrl, { waitUntil: 'load' });
    await t.waitReady(page);
    // Pick another example (fetched) and edit: still nothing of the workshop.
    await page.locator('[data-testid="example-picker"]').selectOption({ index: 2 });
    await page.waitForTimeout(1_000);
    assert.deepEqual(workshopOf(urls), [], 'the playground requested the workshop module');
    assert.equal(await page.locator('[data-testid="workshop"], [data-testid="workshop-module"]').count(), 0);
    assert.deepEqual(urls.filter((url) => url.includes('/workshops/')), [], 'nor a workshop file');
  },

  'workshop mode shows the workshop loading, then the panel, from the page\'s folder': async (t) => {
    const page = await t.newPage();
    const urls = trackRequests(page);
    // Hold the module's glue until the loading state has been seen.
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route(WORKSHOP_MODULE, async (route) => {
      await held;
      await route.continue();
    });
    const started = performance.now();
    await page.goto(new URL('#workshop=iam-roles', t.baseUrl).href, { waitUntil: 'load' });
    await t.waitReady(page);
    const loading = page.locator('[data-testid="workshop-module"][data-state="loading"]');
    await loading.waitFor({ timeout: 10_000 });
    assert.match(await loading.textContent(), /Loading the workshop/);
    assert.equal(await page.locator(LOADED).count(), 0);
    release();
    await page.locator(LOADED).waitFor({ timeout: 20_000 });
    t.timing('workshop link to the panel, module load included', performance.now() - started);
    assert.equal(await page.locator('[data-testid="workshop-module"]').count(), 0, 'the loading state is gone');
    const fetched = workshopOf(urls);
    assert.ok(fetched.some((url) => url.endsWith('.js')) && fetched.some((url) => url.endsWith('_bg.wasm')), fetched.join('\n'));
    for (const url of fetched) {
      assert.ok(url.startsWith(new URL('idpool-workshop-', t.baseUrl).href), url);
    }
    // The panel works: it loaded the exercise into the page's editor.
    assert.match(await page.locator('textarea[data-policy-id="Guest:trust"]').inputValue(), /99999999/);
  },

  'a workshop module that cannot be fetched is a notice, and trying again loads it': async (t) => {
    const page = await t.newPage({ allowConsoleErrors: [/idpool-workshop|Failed to fetch|net::ERR|dynamically imported module/i] });
    let blocked = true;
    await page.route(WORKSHOP_MODULE, (route) => (blocked ? route.abort('failed') : route.continue()));
    await page.goto(new URL('#workshop=iam-roles', t.baseUrl).href, { waitUntil: 'load' });
    await t.waitReady(page);
    const notice = page.locator('[data-testid="notice"]', { hasText: 'workshop panel could not be loaded' });
    await notice.waitFor({ timeout: 10_000 });
    t.log(`notice: ${await notice.textContent()}`);
    const failed = page.locator('[data-testid="workshop-module"][data-state="failed"]');
    await failed.waitFor();
    // The rest of the page works meanwhile: it shows the first decision.
    await page.locator('[data-testid="signin-outcome"]').waitFor({ state: 'attached' });
    blocked = false;
    await failed.getByRole('button', { name: 'Try again' }).click();
    await page.locator(LOADED).waitFor({ timeout: 20_000 });
  },
};
