// The release build published under a sub-path of another server, as a static host would
// serve it: the playground, an example link, a share link and the workshop file all load
// from `/tools/idpool/` without a rebuild (every asset URL is relative).

import assert from 'node:assert/strict';
import path from 'node:path';
import { serveDir } from '../lib/static-server.mjs';

const first = (decision) => `[data-testid="request-result"][data-index="0"][data-decision="${decision}"]`;

async function withSubPath(t, body) {
  const dist = path.join(t.config.repoRoot, 'dist');
  const host = await serveDir(dist, { prefix: '/tools/idpool/' });
  try {
    await body(host.url);
  } finally {
    await host.close();
  }
}

async function open(t, url) {
  const page = await t.newPage({ origins: [url] });
  await page.goto(url, { waitUntil: 'load' });
  await t.waitReady(page);
  return page;
}

export const tests = {
  'the playground, an example link and a share link work under /tools/idpool/': async (t) => {
    await withSubPath(t, async (base) => {
      t.log(`published at ${base}`);
      const page = await open(t, base);
      await page.locator(first('Allowed')).waitFor({ state: 'attached', timeout: 5_000 });

      // An example by its id: the token-based mapping example's first request is allowed
      // for the Editors role.
      const example = await open(t, `${base}#example=token-preferred-role`);
      await example.locator('[data-testid="request-result"]').first().waitFor({ state: 'attached', timeout: 5_000 });
      assert.match(await example.locator('body').innerText(), /Editors/);

      // A share link made on the sub-path opens there in a fresh browser.
      await page.getByRole('button', { name: 'Share' }).click();
      await page.waitForFunction(() => location.hash.startsWith('#s=1.'), null, { timeout: 2_000 });
      const link = page.url();
      assert.ok(link.startsWith(base), link);
      const fresh = await open(t, link);
      await fresh.locator(first('Allowed')).waitFor({ state: 'attached', timeout: 5_000 });
    });
  },

  'the workshop file is served next to the page, by a relative URL, and the workshop opens': async (t) => {
    await withSubPath(t, async (base) => {
      const page = await open(t, base);
      const workshop = await page.evaluate(async () => {
        const response = await fetch('workshops/iam-roles.json');
        return { status: response.status, body: await response.json() };
      });
      assert.equal(workshop.status, 200);
      assert.equal(workshop.body.id, 'iam-roles');
      assert.ok(workshop.body.exercises.length >= 10, `${workshop.body.exercises.length} exercises`);
      t.log(`${workshop.body.exercises.length} exercises at ${base}workshops/iam-roles.json`);

      // The workshop page itself, as a learner opens the instructor's link there.
      const learner = await open(t, `${base}#workshop=iam-roles`);
      await learner
        .locator('[data-testid="workshop"][data-loaded="true"][data-exercise="first-trust-policy"]')
        .waitFor({ timeout: 10_000 });
      assert.equal(await learner.locator('[data-testid="goal"]').count(), 3);
    });
  },
};
