// Saved work the page cannot restore is never lost: it is moved aside (or, when local
// storage is too full to copy it, left where it is with autosave paused), the notice says
// which, and a button offers it as a file.

import assert from 'node:assert/strict';

const KEY = 'idpool-playground/autosave/v1';
const DISCARDED = 'idpool-playground/autosave/discarded';
const EDITOR = 'textarea[data-testid="policy-editor"][data-policy-id="Guest:ReadPicture"]';
const first = (decision) => `[data-testid="request-result"][data-index="0"][data-decision="${decision}"]`;

/** Opens the page with `raw` under the autosave key (seeded once, before the app starts). */
async function openWithSaved(t, raw) {
  const page = await t.newPage();
  await page.addInitScript(([key, value]) => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem(key, value);
    }
  }, [KEY, raw]);
  await page.goto(t.baseUrl, { waitUntil: 'load' });
  await t.waitReady(page);
  return page;
}

async function edit(page) {
  const editor = page.locator(EDITOR);
  await editor.fill((await editor.inputValue()).replace('"Allow"', '"Deny"'));
  await page.locator(first('ExplicitDeny')).waitFor({ state: 'attached', timeout: 5_000 });
}

async function downloadUnrestored(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 10_000 }),
    page.locator('[data-testid="download-unrestored"]').click(),
  ]);
  let text = '';
  for await (const chunk of await download.createReadStream()) text += chunk;
  return text;
}

const storage = (page, key) => page.evaluate((k) => localStorage.getItem(k), key);

export const tests = {
  'a saved scenario the page cannot read is moved aside, named, and offered as a file': async (t) => {
    const scenario = '{"name": "mine", "roles": "x"}';
    const raw = JSON.stringify({ format: 'idpool-playground-autosave', version: 1, savedAt: 1, scenario });
    const page = await openWithSaved(t, raw);
    const notice = page.locator('[data-testid="notice"]').first();
    await notice.waitFor({ timeout: 5_000 });
    const text = await notice.textContent();
    t.log(`notice: ${text}`);
    assert.match(text, /could not be restored: `roles` must be a list, not a string/);
    assert.doesNotMatch(text, /invalid type|line \d+ column/);
    assert.match(text, /moved to `idpool-playground\/autosave\/discarded`/);
    await page.locator(first('Allowed')).waitFor({ state: 'attached', timeout: 5_000 });
    assert.equal(await storage(page, DISCARDED), raw);
    // The first edit autosaves, and the unreadable copy survives it.
    await edit(page);
    await page.waitForFunction((k) => Boolean(localStorage.getItem(k)), KEY, { timeout: 3_000 });
    assert.equal(await storage(page, DISCARDED), raw);
    assert.equal(await downloadUnrestored(page), scenario);
  },

  'a saved value too large to copy aside is left in place, autosave pauses, and it can be downloaded': async (t) => {
    // 3 million characters: restoring refuses it (over 1 MB), and local storage (about 5
    // million characters per origin) cannot hold a second copy of it under another key.
    const scenario = JSON.stringify({ name: 'big', description: 'x'.repeat(3_000_000) });
    const raw = JSON.stringify({ format: 'idpool-playground-autosave', version: 1, savedAt: 1, scenario });
    const page = await openWithSaved(t, raw);
    const notice = page.locator('[data-testid="notice"]').first();
    await notice.waitFor({ timeout: 5_000 });
    const text = await notice.textContent();
    t.log(`notice: ${text.slice(0, 300)}`);
    assert.match(text, /left in place and autosave is paused/);
    assert.doesNotMatch(text, /moved to/);
    assert.equal((await storage(page, KEY))?.length, raw.length, 'the only copy is still there');
    assert.equal(await storage(page, DISCARDED), null);
    // Edits do not overwrite it; the page says autosave is paused.
    await edit(page);
    await page.locator('[data-testid="notice"]', { hasText: 'autosave is paused' }).nth(1).waitFor({ timeout: 5_000 });
    assert.equal((await storage(page, KEY))?.length, raw.length, 'still there after an edit');
    assert.equal(await downloadUnrestored(page), scenario);
  },
};
