// Uploads that are not what the page expects: a file is called a file, bytes that are not
// UTF-8 are named as such, and a huge file is refused by its size before it is read.

import assert from 'node:assert/strict';

async function upload(page, name, buffer) {
  if ((await page.locator('[data-testid="import-file"]').count()) === 0) {
    await page.getByRole('button', { name: 'Import', exact: true }).click();
  }
  await page.locator('[data-testid="import-file"]').setInputFiles({ name, mimeType: 'application/json', buffer });
}

async function noticeWith(page, text) {
  const notice = page.locator('[data-testid="notice"]', { hasText: text });
  await notice.waitFor({ timeout: 10_000 });
  return notice.textContent();
}

export const tests = {
  'an uploaded file that is not JSON is called a file, with its position': async (t) => {
    const page = await t.openApp();
    await upload(page, 'broken.json', Buffer.from('{\n  "roles": [\n'));
    const text = await noticeWith(page, 'broken.json');
    t.log(text);
    assert.match(text, /the file `broken\.json` is not a JSON object: it ends early \(line 3, column 0\)/);
    assert.doesNotMatch(text, /pasted/);
  },

  'an upload that is not UTF-8 is named as such': async (t) => {
    const page = await t.openApp();
    await upload(page, 'latin1.json', Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]));
    const text = await noticeWith(page, 'latin1.json');
    t.log(text);
    assert.match(text, /the file `latin1\.json` is not UTF-8 text \(byte 7 is not valid\)/);
    assert.doesNotMatch(text, /key must be a string/);
  },

  'a 20 MB file is refused by its size at once': async (t) => {
    const page = await t.openApp();
    const big = Buffer.alloc(20 * 1024 * 1024, 0x20);
    const started = Date.now();
    await upload(page, 'huge.json', big);
    const text = await noticeWith(page, 'huge.json');
    t.timing('20 MB upload refused', Date.now() - started);
    t.log(text);
    assert.match(text, /the file `huge\.json` is 20 MB, more than the 1024 KB a scenario may be/);
    await page
      .locator('[data-testid="request-result"][data-index="0"][data-decision="Allowed"]')
      .waitFor({ state: 'attached' });
  },
};
