// What an Action entry covers, as a user finds out in the policy editor: pointing at
// `s3:Get*` shows the AWS actions it covers (the catalog and the API module load then, not on
// the first load), a keyboard user gets the same card by placing the caret on an entry, it
// fits a 390 px screen, and a catalog that cannot be fetched is a notice in the card.

import assert from 'node:assert/strict';

export const timeoutMs = 120_000;

const EDITOR = 'textarea[data-testid="policy-editor"][data-policy-id="Guest:ReadPicture"]';
const CARD = '[data-testid="action-hover"]';

// Line 5 holds `"Action": "*",` (the keyboard test walks to it).
const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": ["s3:Get*", "s3:ListBucket"], "Resource": "*" },
    { "Effect": "Deny", "Action": "*",
      "Resource": "arn:aws:s3:::private/*" }
  ]
}`;

/** Opens the app with the guest policy above; nothing of the catalog is fetched yet. */
async function openWithPolicy(t, options = {}) {
  const { beforeEdit, ...open } = options;
  const page = await t.openApp('', open);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await beforeEdit?.(page);
  await page.locator(EDITOR).fill(POLICY);
  return { page, requests };
}

/** Moves the pointer onto the highlighted string `literal` (quotes included) of the editor. */
async function pointAt(page, literal) {
  const span = page
    .locator('.policy-editor', { has: page.locator(EDITOR) })
    .locator('.pe-highlight .tok-string', { hasText: literal })
    .first();
  await span.scrollIntoViewIfNeeded();
  const box = await span.boundingBox();
  assert.ok(box, `${literal} is shown`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
}

export const tests = {
  'pointing at s3:Get* lists the actions it covers, by access level': async (t) => {
    const { page, requests } = await openWithPolicy(t);
    assert.deepEqual(requests.filter((url) => /catalog\.tsv|idpool-api-/.test(url)), [], 'nothing loads before the hover');
    const started = performance.now();
    await pointAt(page, '"s3:Get*"');
    const card = page.locator(`${CARD}[data-pattern="s3:Get*"][data-state="ready"]`);
    await card.waitFor({ timeout: 30_000 });
    t.timing('first hover to the card, loading catalog and module', performance.now() - started);
    assert.ok(requests.some((url) => url.endsWith('/catalog.tsv')), 'the catalog was fetched on the hover');
    const text = await card.textContent();
    assert.match(text, /covers \d+ actions in 1 service/);
    assert.match(text, /Read \(\d+\)/);
    assert.match(text, /s3:GetObject\b/);
    assert.doesNotMatch(text, /s3:PutObject/);
    await t.screenshot(page, 'hover-s3-get');

    // Another entry is answered from the loaded catalog; the pointer leaving the editor hides
    // the card (the focus is still in the editor after typing).
    await pointAt(page, '"s3:ListBucket"');
    await page.locator(`${CARD}[data-pattern="s3:ListBucket"][data-state="ready"]`).waitFor();
    assert.match(await page.locator(CARD).textContent(), /covers 1 action in 1 service\s*List \(1\):\s*s3:ListBucket/);
    await page.mouse.move(1, 1);
    await page.locator(CARD).waitFor({ state: 'detached' });
    // A resource is not an action: no card.
    await pointAt(page, '"arn:aws:s3:::private/*"');
    await page.waitForTimeout(200);
    assert.equal(await page.locator(CARD).count(), 0);
  },

  'a keyboard user reaches the card by placing the caret on an entry': async (t) => {
    const { page } = await openWithPolicy(t);
    const editor = page.locator(EDITOR);
    await editor.focus();
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('ArrowDown');
    }
    // Line 5, `    { "Effect": "Deny", "Action": "*",`: End, then back over `,` and `"`.
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    const card = page.locator(`${CARD}[data-pattern="*"][data-state="ready"]`);
    await card.waitFor({ timeout: 30_000 });
    const text = await card.textContent();
    const total = Number(text.match(/covers (\d+) actions/)[1]);
    assert.ok(total > 15_000, `* covers ${total} actions`);
    assert.match(text, /and \d+ more/);
    for (const level of ['List', 'Read', 'Write', 'Permissions management', 'Tagging']) {
      assert.match(text, new RegExp(`${level} \\(\\d+\\)`));
    }
    // Screen readers hear it with the editor.
    const id = await card.getAttribute('id');
    assert.ok((await editor.getAttribute('aria-describedby')).split(' ').includes(id));
    // Moving off the entry, or out of the editor, hides it.
    await page.keyboard.press('Home');
    await page.locator(CARD).waitFor({ state: 'detached' });
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await card.waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    await page.locator(CARD).waitFor({ state: 'detached' });
  },

  'the card fits a 390 px screen': async (t) => {
    const { page } = await openWithPolicy(t, { viewport: { width: 390, height: 844 } });
    await pointAt(page, '"s3:Get*"');
    const card = page.locator(`${CARD}[data-pattern="s3:Get*"][data-state="ready"]`);
    await card.waitFor({ timeout: 30_000 });
    const box = await card.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 390, `card from ${box.x} to ${box.x + box.width}`);
    const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
    await t.screenshot(page, 'hover-390');
  },

  'a catalog that cannot be fetched is a notice in the card': async (t) => {
    // Blocked before the edit: an edit also loads the catalog in the background after a
    // second of quiet (the Changes tab's count), which on a busy machine came first.
    const { page } = await openWithPolicy(t, {
      allowConsoleErrors: [/catalog|Failed to fetch|net::ERR/i],
      beforeEdit: (page) => page.route('**/catalog.tsv', (route) => route.abort('failed')),
    });
    await pointAt(page, '"s3:Get*"');
    const failed = page.locator(`${CARD} [data-testid="action-hover-failed"]`);
    await failed.waitFor({ timeout: 30_000 });
    assert.match(await failed.textContent(), /could not be loaded/);
  },
};
