// Workshop mode's panel is a module of its own, loaded only in workshop mode: a visitor of
// the playground never downloads it, a learner sees the workshop loading and then the panel
// (fetched from the page's folder), and a module that cannot be fetched is a notice with a
// way to try again that then works. Workshop mode is a page of its own (`workshop.html`,
// whose wasm carries the panel's host and bridge): a workshop link on the folder goes there
// before the full page's wasm is fetched.

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
    // The link on the folder went to the workshop page, fragment kept, and only its wasm,
    // the panel's and the second module's (the pool column) were fetched: not the full page's.
    assert.equal(new URL(page.url()).pathname, '/workshop.html');
    assert.equal(new URL(page.url()).hash, '#workshop=iam-roles');
    const wasm = urls.filter((url) => url.endsWith('.wasm')).map((url) => new URL(url).pathname.replace(/-[0-9a-f]{16}_bg/, '-*_bg'));
    assert.deepEqual(wasm.sort(), ['/idpool-learner-*_bg.wasm', '/idpool-review-*_bg.wasm', '/idpool-workshop-*_bg.wasm'], wasm.join(' '));
    const fetched = workshopOf(urls);
    assert.ok(fetched.some((url) => url.endsWith('.js')) && fetched.some((url) => url.endsWith('_bg.wasm')), fetched.join('\n'));
    for (const url of fetched) {
      assert.ok(url.startsWith(new URL('idpool-workshop-', t.baseUrl).href), url);
    }
    // The panel works: it loaded the exercise into the page's editor.
    assert.match(await page.locator('textarea[data-policy-id="Guest:trust"]').inputValue(), /99999999/);
  },

  'on the workshop page, the workshop panel and the Permissions panel each answer their own clicks': async (t) => {
    // Three copies of Yew on one page: the page's, the workshop panel's and the Permissions
    // panel's. A click in one panel must reach that panel's listener, not another copy's.
    const page = await t.newPage();
    await page.goto(new URL('workshop.html#workshop=iam-roles', t.baseUrl).href, { waitUntil: 'load' });
    await t.waitReady(page);
    await page.locator(LOADED).waitFor({ timeout: 20_000 });
    await page.locator('[data-testid="tab-coach"]').click();
    await page.locator('[data-testid="review"][data-catalog="loaded"]').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="tab-coach"]:not([data-count="…"])').waitFor({ timeout: 30_000 });
    // A click in the Permissions panel switches its tab.
    await page.locator('[data-testid="tab-changes"]').click();
    await page.locator('[data-testid="tab-changes"][aria-selected="true"][data-count]').waitFor();
    assert.equal(await page.locator('[data-testid="tab-coach"]').getAttribute('aria-selected'), 'false');
    // A click in the workshop panel shows a hint, and the page's own buttons still work.
    await page.getByRole('button', { name: /^Show a hint/ }).first().click();
    await page.locator('[data-testid="hint"]').first().waitFor();
    assert.equal(await page.locator('[data-testid="hint"]').count(), 1);
    await page.locator('[data-testid="tab-explorer"]').click();
    await page.locator('[data-testid="explorer-totals"]').waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('[data-testid="hint"]').count(), 1, 'the Permissions panel\'s click did not reach the workshop panel');
    await t.screenshot(page, 'workshop-with-permissions');
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

  'the workshop page sends other links to their pages, and a bad workshop id stays with its notice': async (t) => {
    // A plain link opened on the workshop page: the playground, on the folder.
    const plain = await t.newPage();
    await plain.goto(new URL('workshop.html#example=guest-reads-public-picture', t.baseUrl).href, { waitUntil: 'load' });
    await t.waitReady(plain);
    assert.equal(new URL(plain.url()).pathname, '/');
    assert.equal(new URL(plain.url()).hash, '#example=guest-reads-public-picture');
    assert.equal(await plain.locator('[data-testid="workshop"], [data-testid="workshop-module"]').count(), 0);

    // An id that cannot name a file: the playground with its notice, here; no back and forth
    // between the pages (the full page sends every `workshop` link to this one).
    const bad = await t.newPage();
    await bad.goto(new URL('#workshop=..%2Fsecret', t.baseUrl).href, { waitUntil: 'load' });
    await t.waitReady(bad);
    await bad.waitForTimeout(500);
    assert.equal(new URL(bad.url()).pathname, '/workshop.html');
    await bad.locator('textarea[data-testid="policy-editor"]').first().waitFor({ timeout: 5_000 });
    const notice = bad.locator('[data-testid="notice"]', { hasText: 'is not a workshop id' });
    await notice.waitFor({ timeout: 5_000 });
    assert.match(await notice.textContent(), /`\.\.\/secret` is not a workshop id/);
    assert.equal(await bad.locator('[data-testid="workshop"], [data-testid="workshop-module"]').count(), 0);
  },
};
