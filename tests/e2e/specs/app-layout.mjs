// Layout, themes and accessibility: screenshots of the light, dark, narrow and embed
// states; no horizontal scrolling from 1280 px down to 390 px; every control has an
// accessible name; user text is rendered as text; nothing leaves the origin.

import assert from 'node:assert/strict';
import { trackRequests } from '../lib/requests.mjs';

const VIEWPORTS = [
  { label: 'light 1280x800', viewport: { width: 1280, height: 800 }, colorScheme: 'light' },
  { label: 'dark 1280x800', viewport: { width: 1280, height: 800 }, colorScheme: 'dark' },
  { label: 'tablet 900x1000', viewport: { width: 900, height: 1000 }, colorScheme: 'light' },
  { label: 'narrow 390x844', viewport: { width: 390, height: 844 }, colorScheme: 'light' },
  { label: 'embed 480x640', viewport: { width: 480, height: 640 }, colorScheme: 'dark' },
];

/** Controls without an accessible name (label, aria-label(ledby), title or text). */
function unnamedControls() {
  const named = (el) => {
    if (el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || el.title) return true;
    if (el.closest('label')) return true;
    if (el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`)) return true;
    if (el.tagName === 'BUTTON' && el.textContent.trim()) return true;
    return false;
  };
  return [...document.querySelectorAll('button, input, select, textarea')]
    .filter((el) => el.type !== 'hidden' && !named(el))
    .map((el) => el.outerHTML.slice(0, 120));
}

export const tests = {
  'screenshots and no horizontal overflow at every width': async (t) => {
    for (const { label, viewport, colorScheme } of VIEWPORTS) {
      const page = await t.openApp('', { viewport, colorScheme });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `${label}: page is ${overflow}px wider than the viewport`);
      const result = page.locator('[data-testid="request-result"][data-index="0"]');
      if (viewport.width <= 720) {
        // Stacked: the results come first so an embed shows the decision without scrolling.
        const box = await result.boundingBox();
        assert.ok(box && box.y < viewport.height, `${label}: first decision visible without scrolling`);
      }
      const scheme = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
      assert.equal(scheme, colorScheme === 'dark');
      await t.screenshot(page, label);
    }
  },

  'every control has an accessible name': async (t) => {
    const page = await t.openApp();
    // Open the optional parts too: signed-in form, basic flow, import dialog.
    await page.getByRole('radio', { name: 'Signed in' }).check();
    await page.getByRole('radio', { name: 'Basic (classic)' }).check();
    await page.locator('summary', { hasText: 'Pool as JSON' }).click();
    assert.deepEqual(await page.evaluate(unnamedControls), []);
    await page.getByRole('button', { name: 'Import' }).click();
    assert.deepEqual(await page.evaluate(unnamedControls), []);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Keyboard shortcuts and help' }).click();
    await page.locator('[data-testid="help-overlay"]').waitFor();
    assert.deepEqual(await page.evaluate(unnamedControls), []);
  },

  'user text is rendered as text, never as markup': async (t) => {
    const page = await t.openApp();
    const hostile = '<img src=x onerror="window.__owned=1"><b>bold</b>';
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export' }).click(),
    ]);
    let text = '';
    for await (const chunk of await download.createReadStream()) text += chunk;
    const doc = JSON.parse(text);
    doc.name = hostile;
    doc.description = hostile;
    doc.roles[0].Policies[0].PolicyName = hostile;
    doc.requests[0].action = hostile;
    await page.getByRole('button', { name: 'Import' }).click();
    await page.locator('[data-testid="import-text"]').fill(JSON.stringify(doc));
    await page.locator('[data-testid="import-apply"]').click();
    await page.locator('.description', { hasText: '<img' }).waitFor({ state: 'attached', timeout: 5_000 });
    assert.equal(await page.locator('main img, .description img, header img').count(), 0);
    assert.equal(await page.locator('.description b').count(), 0);
    assert.equal(await page.evaluate(() => window.__owned), undefined);
    assert.ok((await page.locator('.description').textContent()).includes('<b>bold</b>'));
    assert.ok((await page.locator('[data-testid="request-result"][data-index="0"]').textContent()).includes('<img'));
  },

  'nothing is requested outside the page origin': async (t) => {
    const page = await t.newPage();
    const urls = trackRequests(page);
    await page.goto(t.baseUrl, { waitUntil: 'load' });
    await t.waitReady(page);
    // Use the page a little: pick examples, edit, share.
    for (const id of ['trust-facebook-users-only', 'rules-equals-admin', 'guest-reads-public-picture']) {
      await page.selectOption('[data-testid="example-picker"]', id);
    }
    await page.getByRole('button', { name: 'Share' }).click();
    await page.waitForFunction(() => location.hash.startsWith('#s=1.'), null, { timeout: 2_000 });
    const origin = new URL(t.baseUrl).origin;
    const foreign = urls.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin);
    t.log(`${urls.length} requests, all to ${origin}`);
    assert.deepEqual(foreign, []);
  },
};
