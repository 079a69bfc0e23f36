// A policy keeps its formatting and its line numbers through a share link and through
// export and import (issue 14, "Editing without losing work"): the text a user wrote,
// blank lines, odd indentation and statements on one line included, comes back character
// for character, and a problem is still reported at the line the user knows it by.

import assert from 'node:assert/strict';

const EDITOR = 'textarea[data-testid="policy-editor"][data-policy-id="Guest:ReadPicture"]';
const MARKER = '[data-testid="diagnostic"][data-code="iam::parse::invalid_effect"]';

/** A hand-formatted policy with a misspelt effect on line 6, which the editor marks. */
const WRITTEN = [
  '{',
  '    "Version": "2012-10-17",',
  '',
  '    "Statement": [',
  '      { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::mybucket/assets/*" },',
  '      {"Effect":"Alow","Action":"s3:PutObject",',
  '          "Resource": "*"}',
  '    ]',
  '}',
].join('\n');
const MISSPELT_LINE = 6;

/** Writes the policy and waits for the editor's mark on the misspelt effect. */
async function write(page) {
  await page.locator(EDITOR).fill(WRITTEN);
  await page.locator(MARKER).waitFor({ timeout: 5_000 });
}

/** The policy text as the editor holds it, and the line of its mark and of the results' link. */
async function seen(page) {
  await page.locator(MARKER).waitFor({ timeout: 5_000 });
  const problem = page.locator('[data-testid="scenario-problem"]', { hasText: 'Alow' }).first();
  await problem.waitFor({ timeout: 5_000 });
  return {
    text: await page.locator(EDITOR).inputValue(),
    marked: Number(await page.locator(MARKER).getAttribute('data-line')),
    listed: await problem.getByRole('button').textContent(),
  };
}

function assertKept(after, label) {
  assert.equal(after.text, WRITTEN, `${label}: the policy text comes back character for character`);
  assert.equal(after.marked, MISSPELT_LINE, `${label}: the editor marks the same line`);
  assert.match(after.listed, new RegExp(`^Guest:ReadPicture ${MISSPELT_LINE}:\\d+$`), `${label}: the results name that line`);
}

export const tests = {
  'a share link keeps the policy as written, with its line numbers': async (t) => {
    const page = await t.openApp();
    await write(page);
    await page.getByRole('button', { name: 'Share' }).click();
    await page.waitForFunction(() => location.hash.startsWith('#s=1.'), null, { timeout: 2_000 });
    const link = new URL(page.url());
    t.log(`share link: ${link.hash.length} characters for a ${WRITTEN.length}-character policy`);
    const fresh = await t.openApp(link.hash);
    assertKept(await seen(fresh), 'share link');
  },

  'export and import keep the policy as written, with its line numbers': async (t) => {
    const page = await t.openApp();
    await write(page);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 5_000 }),
      page.getByRole('button', { name: 'Export', exact: true }).click(),
    ]);
    let file = '';
    for await (const chunk of await download.createReadStream()) file += chunk;
    // The file as the user would keep it; imported into a fresh page, by upload.
    const fresh = await t.openApp();
    await fresh.getByRole('button', { name: 'Import', exact: true }).click();
    await fresh.locator('[data-testid="import-file"]').setInputFiles({
      name: 'scenario.json',
      mimeType: 'application/json',
      buffer: Buffer.from(file),
    });
    await fresh.locator('[data-testid="notice"]', { hasText: 'imported scenario' }).waitFor({ timeout: 5_000 });
    assertKept(await seen(fresh), 'export and import');
  },
};
