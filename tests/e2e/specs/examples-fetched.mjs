// The example library is not in the page: the first load holds the default example only,
// and any other example is fetched from `examples/<id>.json` next to the page the first
// time it is opened (from the picker, an `#example=<id>` link or an embed), once. Under a
// sub-path it comes from the page's folder. A fetch that fails is a notice with the reason,
// and picking the example again loads it.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { serveDir } from '../lib/static-server.mjs';
import { trackRequests } from '../lib/requests.mjs';

const ID = 'token-preferred-role';
const EXAMPLE = /\/examples\/[^/]+\.json$/;
const picker = '[data-testid="example-picker"]';
const decision = (index, value) => `[data-testid="request-result"][data-index="${index}"][data-decision="${value}"]`;

/** Every example file the page requests from now on. */
const track = (page) => trackRequests(page, (url) => EXAMPLE.test(new URL(url).pathname));

async function scenario(t, id) {
  return JSON.parse(await readFile(path.join(t.config.repoRoot, 'web/examples', `${id}.json`), 'utf8'));
}

/** Waits until the page shows `id`'s expected outcome and first decisions (its file's `expect`). */
async function showsExample(t, page, id) {
  const file = await scenario(t, id);
  await page.locator(`[data-testid="signin-outcome"][data-outcome="${file.expect.credentials ? 'issued' : file.expect.error}"]`)
    .waitFor({ state: 'attached', timeout: 10_000 });
  for (const [index, request] of file.requests.entries()) {
    if (request.expect) {
      await page.locator(decision(index, request.expect)).waitFor({ state: 'attached', timeout: 10_000 });
    }
  }
}

export const tests = {
  'the first load fetches no example; a picked one is fetched once, on demand': async (t) => {
    const page = await t.newPage();
    const urls = track(page);
    await page.goto(t.baseUrl, { waitUntil: 'load' });
    await t.waitReady(page);
    await page.locator(decision(0, 'Allowed')).waitFor({ state: 'attached' });
    await page.waitForTimeout(500);
    assert.deepEqual(urls, [], 'the default example is in the page');

    const started = performance.now();
    await page.selectOption(picker, ID);
    await showsExample(t, page, ID);
    t.timing('pick to decisions of a fetched example', performance.now() - started);
    assert.match(await page.locator('body').innerText(), /Editors/);
    assert.equal(await page.locator(picker).inputValue(), ID);
    assert.deepEqual(urls.map((url) => new URL(url).pathname), [`/examples/${ID}.json`]);

    // Back to the default and to the example again: nothing more is fetched.
    await page.selectOption(picker, 'guest-reads-public-picture');
    await page.locator('[data-testid="signin-outcome"][data-outcome="issued"]').waitFor({ state: 'attached' });
    await page.locator(decision(0, 'Allowed')).waitFor({ state: 'attached' });
    await page.selectOption(picker, ID);
    await showsExample(t, page, ID);
    assert.equal(urls.length, 1, urls.join('\n'));
  },

  'an example that cannot be fetched is a notice with the reason, and picking it again loads it': async (t) => {
    const page = await t.openApp('', { allowConsoleErrors: [/examples\/|Failed to load|net::ERR/i] });
    let blocked = true;
    await page.route(EXAMPLE, (route) => (blocked ? route.abort('failed') : route.continue()));
    await page.selectOption(picker, ID);
    const notice = page.locator('[data-testid="notice"]', { hasText: `the example \`${ID}\` could not be loaded` });
    await notice.waitFor({ timeout: 10_000 });
    t.log(`notice: ${await notice.textContent()}`);
    assert.match(await notice.textContent(), /could not be fetched/);
    // The page still holds the default example, and the list says so.
    assert.equal(await page.locator(picker).inputValue(), 'guest-reads-public-picture');
    assert.doesNotMatch(await page.locator('body').innerText(), /Editors/);

    blocked = false;
    await page.selectOption(picker, ID);
    await showsExample(t, page, ID);
    assert.equal(await page.locator(picker).inputValue(), ID);
  },

  '#example=<id> under a sub-path opens the fetched example, in the full page and in an embed': async (t) => {
    const dist = path.join(t.config.repoRoot, 'dist');
    const host = await serveDir(dist, { prefix: '/tools/idpool/' });
    try {
      const page = await t.newPage({ origins: [host.url] });
      const urls = track(page);
      await page.goto(`${host.url}#example=${ID}`, { waitUntil: 'load' });
      await t.waitReady(page);
      // Ready means the example's own first evaluation, not the default's.
      assert.match(await page.locator('body').innerText(), /Editors/);
      await showsExample(t, page, ID);
      assert.equal(await page.locator(picker).inputValue(), ID);
      assert.deepEqual(urls, [`${host.url}examples/${ID}.json`]);

      const embed = await t.newPage({ origins: [host.url] });
      const embedUrls = track(embed);
      await embed.goto(`${host.url}#embed=result&example=${ID}&id=w1`, { waitUntil: 'load' });
      await t.waitReady(embed);
      // Ready (and so its first message to a host) comes with the example's own evaluation.
      assert.equal(await embed.locator('.embed-title').textContent(), (await scenario(t, ID)).name);
      assert.match(await embed.locator('[data-testid="embed"]').innerText(), /Editors/);
      await showsExample(t, embed, ID);
      assert.deepEqual(embedUrls, [`${host.url}examples/${ID}.json`]);
    } finally {
      await host.close();
    }
  },

  'an unknown example id is a notice and the default example': async (t) => {
    const page = await t.newPage();
    const urls = track(page);
    await page.goto(new URL('#example=no-such-example', t.baseUrl).href, { waitUntil: 'load' });
    await t.waitReady(page);
    await page.locator('[data-testid="notice"]', { hasText: 'there is no example `no-such-example`' }).waitFor();
    assert.equal(await page.locator(picker).inputValue(), 'guest-reads-public-picture');
    assert.deepEqual(urls, []);
  },
};
