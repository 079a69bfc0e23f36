// Keyboard shortcuts: evaluate now, help overlay, share, export; all listed in the help.

import assert from 'node:assert/strict';

const evaluations = (page) =>
  page.locator('[data-testid="results"]').getAttribute('data-evaluations').then(Number);

export const tests = {
  'Ctrl+Enter evaluates now, even while typing in a policy': async (t) => {
    const page = await t.openApp();
    const before = await evaluations(page);
    await page.locator('textarea[data-testid="policy-editor"][data-policy-id="Guest:ReadPicture"]').focus();
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="results"]').dataset.evaluations) > n,
      before,
      { timeout: 2_000 },
    );
    const text = await page
      .locator('textarea[data-testid="policy-editor"][data-policy-id="Guest:ReadPicture"]')
      .inputValue();
    assert.doesNotMatch(text.slice(0, 2), /\n\n/, 'Ctrl+Enter must not insert a newline');
    await page.keyboard.press('Meta+Enter');
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="results"]').dataset.evaluations) > n + 1,
      before,
      { timeout: 2_000 },
    );
  },

  '? opens the help overlay and Escape closes it': async (t) => {
    const page = await t.openApp();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Shift+?');
    const overlay = page.locator('[data-testid="help-overlay"]');
    await overlay.waitFor({ timeout: 2_000 });
    const text = await overlay.textContent();
    for (const keys of ['Enter', 'Alt + Shift + F', 'Shift + S', 'Shift + E', 'Esc']) {
      assert.ok(text.includes(keys), `help lists ${keys}`);
    }
    await t.screenshot(page, 'help');
    await page.keyboard.press('Escape');
    await overlay.waitFor({ state: 'detached', timeout: 2_000 });
    // The header button opens it too, by its accessible name.
    await page.getByRole('button', { name: 'Keyboard shortcuts and help' }).click();
    await overlay.waitFor({ timeout: 2_000 });
    await page.getByRole('button', { name: 'Close' }).click();
    await overlay.waitFor({ state: 'detached', timeout: 2_000 });
    // Typing "?" inside a field is text, not a shortcut.
    const claims = page.getByLabel('Action of request 1');
    await claims.focus();
    await page.keyboard.press('End');
    await page.keyboard.type('?');
    assert.equal(await overlay.count(), 0);
    assert.match(await claims.inputValue(), /\?$/);
  },

  'Ctrl+Shift+S puts a share link in the address bar': async (t) => {
    const page = await t.openApp();
    await page.keyboard.press('Control+Shift+S');
    await page.waitForFunction(() => location.hash.startsWith('#s=1.'), null, { timeout: 2_000 });
    await page.locator('[data-testid="notice"]', { hasText: 'share link' }).waitFor({ timeout: 2_000 });
  },

  'Ctrl+Shift+E downloads the scenario file': async (t) => {
    const page = await t.openApp();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 5_000 }),
      page.keyboard.press('Control+Shift+E'),
    ]);
    assert.match(download.suggestedFilename(), /\.json$/);
    const stream = await download.createReadStream();
    let text = '';
    for await (const chunk of stream) text += chunk;
    const scenario = JSON.parse(text);
    assert.equal(scenario.roles[0].Policies[0].PolicyName, 'ReadPicture');
    // Key order of the policy is the author's, not alphabetical.
    const policyText = JSON.stringify(scenario.roles[0].Policies[0].PolicyDocument);
    assert.ok(policyText.indexOf('Version') < policyText.indexOf('Statement'));
  },

  'Alt+Shift+F formats the policy being edited': async (t) => {
    const page = await t.openApp();
    const editor = page.locator('textarea[data-testid="policy-editor"][data-policy-id="Guest:ReadPicture"]');
    const compact = JSON.stringify(JSON.parse(await editor.inputValue()));
    await editor.fill(compact);
    await editor.focus();
    await page.keyboard.press('Alt+Shift+F');
    await page.waitForFunction(
      () => document.querySelector('textarea[data-policy-id="Guest:ReadPicture"]').value.includes('\n'),
      null,
      { timeout: 2_000 },
    );
    const formatted = await editor.inputValue();
    assert.deepEqual(JSON.parse(formatted), JSON.parse(compact));
    // Format is one undo step: Ctrl+Z gives back the compact text, Ctrl+Shift+Z the formatted one.
    await page.keyboard.press('Control+Z');
    await page.waitForFunction(
      (text) => document.querySelector('textarea[data-policy-id="Guest:ReadPicture"]').value === text,
      compact,
      { timeout: 2_000 },
    );
    await page.keyboard.press('Control+Shift+Z');
    await page.waitForFunction(
      (text) => document.querySelector('textarea[data-policy-id="Guest:ReadPicture"]').value === text,
      formatted,
      { timeout: 2_000 },
    );
    await page
      .locator('[data-testid="request-result"][data-index="0"][data-decision="Allowed"]')
      .waitFor({ state: 'attached' });
  },
};
