// Share links and autosave through the page: a link opens the same scenario in a fresh
// browser; damaged links and damaged saved state give a notice and a working page; work
// survives a reload.

import assert from 'node:assert/strict';

const EDITOR = 'textarea[data-testid="policy-editor"][data-policy-id="Guest:ReadPicture"]';
const first = (decision) => `[data-testid="request-result"][data-index="0"][data-decision="${decision}"]`;

async function denyPicture(page) {
  const editor = page.locator(EDITOR);
  await editor.fill((await editor.inputValue()).replace('"Allow"', '"Deny"'));
  await page.locator(first('ExplicitDeny')).waitFor({ state: 'attached', timeout: 5_000 });
}

export const tests = {
  'a share link opens the same scenario in a fresh browser': async (t) => {
    const page = await t.openApp();
    await denyPicture(page);
    await page.getByRole('button', { name: 'Share' }).click();
    await page.waitForFunction(() => location.hash.startsWith('#s=1.'), null, { timeout: 2_000 });
    const link = new URL(page.url());
    t.log(`share link length: ${link.href.length} characters`);
    const fresh = await t.openApp(link.hash);
    await fresh.locator(first('ExplicitDeny')).waitFor({ state: 'attached', timeout: 5_000 });
    assert.match(await fresh.locator(EDITOR).inputValue(), /"Deny"/);
  },

  'a damaged or newer share link gives a notice and the default example': async (t) => {
    for (const hash of ['#s=1.%%%not-base64', '#s=1.AAAA', '#s=99.abc', '#s=nonsense']) {
      const page = await t.openApp(hash);
      const notice = page.locator('[data-testid="notice"]').first();
      await notice.waitFor({ timeout: 5_000 });
      t.log(`${hash} -> ${await notice.textContent()}`);
      await page.locator(first('Allowed')).waitFor({ state: 'attached', timeout: 5_000 });
    }
  },

  'work survives a reload (autosave)': async (t) => {
    const page = await t.openApp();
    await denyPicture(page);
    // Autosave runs after the (debounced) evaluation; give it a moment.
    await page.waitForFunction(() => Boolean(localStorage.getItem('idpool-playground/autosave/v1')), null, {
      timeout: 3_000,
    });
    await page.reload({ waitUntil: 'load' });
    await t.waitReady(page);
    await page.locator(first('ExplicitDeny')).waitFor({ state: 'attached', timeout: 5_000 });
  },

  'Reset asks, then forgets saved work and loads the default example': async (t) => {
    const page = await t.openApp();
    await denyPicture(page);
    await page.waitForFunction(() => Boolean(localStorage.getItem('idpool-playground/autosave/v1')), null, {
      timeout: 3_000,
    });
    const reset = page.getByRole('button', { name: 'Reset' });
    // Declining keeps everything.
    page.once('dialog', (dialog) => dialog.dismiss());
    await reset.click();
    assert.ok(await page.evaluate(() => Boolean(localStorage.getItem('idpool-playground/autosave/v1'))));
    assert.match(await page.locator(EDITOR).inputValue(), /"Deny"/);
    // Accepting loads the default example, and a reload keeps it.
    let message = '';
    page.once('dialog', (dialog) => {
      message = dialog.message();
      return dialog.accept();
    });
    await reset.click();
    assert.match(message, /default example/);
    await page.locator(first('Allowed')).waitFor({ state: 'attached', timeout: 5_000 });
    await page.locator('[data-testid="notice"]', { hasText: 'saved work cleared' }).waitFor({ timeout: 2_000 });
    assert.equal(await page.locator('[data-testid="example-picker"]').inputValue(), 'guest-reads-public-picture');
    await page.reload({ waitUntil: 'load' });
    await t.waitReady(page);
    await page.locator(first('Allowed')).waitFor({ state: 'attached', timeout: 5_000 });
    assert.doesNotMatch(await page.locator(EDITOR).inputValue(), /"Deny"/);
  },

  'a damaged saved state gives a notice and the default example': async (t) => {
    const page = await t.newPage();
    await page.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) {
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem('idpool-playground/autosave/v1', '{"format": "idpool-playground-autosave", "version": 1, "scen');
      }
    });
    await page.goto(t.baseUrl, { waitUntil: 'load' });
    await t.waitReady(page);
    const notice = page.locator('[data-testid="notice"]').first();
    await notice.waitFor({ timeout: 5_000 });
    t.log(`damaged saved state -> ${await notice.textContent()}`);
    await page.locator(first('Allowed')).waitFor({ state: 'attached', timeout: 5_000 });
  },
};
