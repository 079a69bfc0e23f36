// The page ships in two parts: the first load (the simulation and the page) and the API
// module it loads on first use (import, export, the Permissions panel). A user opening the
// page downloads no part of the second; the first import fetches it once, from the page's
// own folder (also under a sub-path); a module that cannot be fetched is a clear notice,
// and the next try loads it.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { serveDir } from '../lib/static-server.mjs';
import { trackRequests } from '../lib/requests.mjs';

const root = path.join(import.meta.dirname, '..', '..', '..');
const LAZY = /\/idpool-api-[0-9a-f]+(_bg\.wasm|\.js)$/;
const FIRST_ALLOWED = '[data-testid="request-result"][data-index="0"][data-decision="Allowed"]';


const lazyOf = (urls) => urls.filter((url) => LAZY.test(new URL(url).pathname));

async function template() {
  return readFile(path.join(root, 'tests/import/cloudformation/sam-rules-admin.yaml'), 'utf8');
}

/** Imports `text` by paste; resolves once the import's account is shown. */
async function importCode(page, text) {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.locator('[data-testid="import-text"]').fill(text);
  await page.locator('[data-testid="import-apply"]').click();
}

export const tests = {
  'the first load fetches no API module; the first import fetches it once': async (t) => {
    const page = await t.newPage();
    const urls = trackRequests(page);
    const started = performance.now();
    await page.goto(t.baseUrl, { waitUntil: 'load' });
    await t.waitReady(page);
    await page.locator(FIRST_ALLOWED).waitFor({ state: 'attached' });
    t.timing('navigation to first decision', performance.now() - started);
    // Give the page time to fetch whatever it fetches after the first decision.
    await page.waitForTimeout(1_000);
    assert.deepEqual(lazyOf(urls), [], 'the first load requested the lazy module');
    // The page's wasm, then (after the first decision) the second module, which draws the
    // pool column: never the API module.
    const wasm = urls.filter((url) => url.endsWith('.wasm')).map((url) => new URL(url).pathname.replace(/-[0-9a-f]{16}_bg/, '-*_bg'));
    assert.deepEqual(wasm, ['/playground-*_bg.wasm', '/idpool-review-*_bg.wasm'], wasm.join('\n'));

    const importStarted = performance.now();
    await importCode(page, await template());
    await page.locator('[data-testid="import-account"]').waitFor({ timeout: 20_000 });
    t.timing('first import, including loading the lazy module', performance.now() - importStarted);
    const fetched = lazyOf(urls).map((url) => new URL(url).pathname.replace(/.*\//, ''));
    assert.equal(fetched.length, 2, fetched.join());
    assert.ok(fetched.some((name) => name.endsWith('.js')) && fetched.some((name) => name.endsWith('_bg.wasm')), fetched.join());
    await page.locator('[data-testid="import-done"]').click();

    // The second use answers from the loaded module: nothing more is fetched.
    const secondStarted = performance.now();
    await page.locator('[data-testid="export-code"]').click();
    await page.locator('[data-testid="export-cloudformation"]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="export-code-text"]')?.value.includes('AWS::Cognito::IdentityPool'));
    t.timing('export with the module loaded', performance.now() - secondStarted);
    assert.equal(lazyOf(urls).length, 2);
  },

  'under a sub-path the module is fetched from the page\'s folder': async (t) => {
    const dist = path.join(t.config.repoRoot, 'dist');
    const host = await serveDir(dist, { prefix: '/tools/idpool/' });
    try {
      const page = await t.newPage({ origins: [host.url] });
      const urls = trackRequests(page);
      await page.goto(host.url, { waitUntil: 'load' });
      await t.waitReady(page);
      assert.deepEqual(lazyOf(urls), []);
      await page.locator('[data-testid="export-code"]').click();
      await page.locator('[data-testid="export-terraform"]').click();
      await page.waitForFunction(() => document.querySelector('[data-testid="export-code-text"]')?.value.includes('aws_cognito_identity_pool'));
      const fetched = lazyOf(urls);
      assert.equal(fetched.length, 2, fetched.join());
      for (const url of fetched) {
        assert.ok(url.startsWith(`${host.url}idpool-api-`), url);
      }
    } finally {
      await host.close();
    }
  },

  'a module that cannot be fetched is a notice, and the next try loads it': async (t) => {
    const page = await t.openApp('', { allowConsoleErrors: [/idpool-api|Failed to fetch|net::ERR/i] });
    let blocked = true;
    await page.route(LAZY, (route) => (blocked ? route.abort('failed') : route.continue()));
    await importCode(page, await template());
    const notice = page.locator('[data-testid="notice"]', { hasText: 'could not be loaded' });
    await notice.waitFor({ timeout: 10_000 });
    assert.match(await notice.textContent(), /import failed/);
    // The dialog is still open with the text: trying again once the network is back works.
    blocked = false;
    await page.locator('[data-testid="import-apply"]').click();
    await page.locator('[data-testid="import-account"]').waitFor({ timeout: 20_000 });
  },
};
