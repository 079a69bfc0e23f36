// Keyboard use (issue 14, "Keyboard and small screens"): dialogs take focus, keep it and
// give it back; a policy editor says how to leave it (Tab indents) and Ctrl+M makes Tab
// move focus; the editor's view follows the caret after End, Home and Ctrl+End.

import assert from 'node:assert/strict';

const inDialog = (page) => page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')));
const focusedName = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return el?.getAttribute('aria-label') || el?.textContent?.trim() || el?.tagName;
});

export const tests = {
  'dialogs take focus when opened, keep Tab inside, and give focus back on close': async (t) => {
    const page = await t.openApp();
    for (const [opener, name] of [
      [page.getByRole('button', { name: 'Import' }), 'Import'],
      [page.getByRole('button', { name: 'Keyboard shortcuts and help' }), 'help'],
    ]) {
      await opener.focus();
      await page.keyboard.press('Enter');
      await page.locator('[role="dialog"]').waitFor();
      assert.ok(await inDialog(page), `${name}: focus is inside the dialog once it opens`);
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab');
        assert.ok(await inDialog(page), `${name}: Tab ${i + 1} stays inside the dialog`);
      }
      await page.keyboard.press('Escape');
      await page.locator('[role="dialog"]').waitFor({ state: 'detached' });
      const back = await opener.evaluate((el) => el === document.activeElement);
      t.log(`${name}: focus back on ${await focusedName(page)}`);
      assert.ok(back, `${name}: focus returns to the button that opened it`);
    }
  },

  'a policy editor says how to leave it, and Ctrl+M makes Tab move focus': async (t) => {
    const page = await t.openApp();
    const editor = page.locator('textarea[data-policy-id="Guest:trust"]');
    const hint = page.locator('.policy-editor', { has: editor }).locator('[data-testid="editor-keys-hint"]');
    assert.equal(await hint.isVisible(), false, 'the hint shows only while the editor has focus');
    await editor.focus();
    assert.ok(await hint.isVisible());
    assert.match(await hint.textContent(), /Esc then Tab leaves/);
    const before = await editor.inputValue();
    await page.keyboard.press('Tab');
    assert.notEqual(await editor.inputValue(), before, 'Tab indents');
    assert.ok(await editor.evaluate((el) => el === document.activeElement));
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    assert.ok(await editor.evaluate((el) => el !== document.activeElement), 'Esc then Tab leaves');
    // Ctrl+M: Tab moves focus, and the text is left alone.
    await editor.focus();
    await page.keyboard.press('Control+m');
    assert.match(await hint.textContent(), /Tab moves to the next control/);
    const text = await editor.inputValue();
    await page.keyboard.press('Tab');
    assert.ok(await editor.evaluate((el) => el !== document.activeElement), 'Tab left the editor');
    assert.equal(await editor.inputValue(), text);
    // Help lists both ways out.
    await page.getByRole('button', { name: 'Keyboard shortcuts and help' }).click();
    const help = await page.locator('[data-testid="help-overlay"]').textContent();
    assert.match(help, /Esc, then Tab/);
    assert.match(help, /Ctrl \+ M/);
  },

  'the editor view follows the caret: End on a long line, then Home or Ctrl+End': async (t) => {
    const page = await t.openApp('', { viewport: { width: 1440, height: 900 } });
    const editor = page.locator('textarea[data-policy-id="Guest:trust"]');
    const scroll = page.locator('.policy-editor', { has: editor }).locator('.pe-scroll');
    const text = await editor.inputValue();
    const long = text.indexOf('"cognito-identity.amazonaws.com:aud"');
    await editor.evaluate((el, at) => { el.focus(); el.setSelectionRange(at, at); }, long);
    await page.keyboard.press('End');
    const right = await scroll.evaluate((el) => el.scrollLeft);
    t.log(`after End: scrollLeft ${right}px`);
    assert.ok(right > 0, 'End scrolls to the end of the long line');
    await page.keyboard.press('Home');
    const home = await scroll.evaluate((el) => el.scrollLeft);
    t.log(`after Home: scrollLeft ${home}px`);
    assert.equal(home, 0, 'Home shows the start of the lines');
    await page.keyboard.press('End');
    await page.keyboard.press('Control+End');
    const end = await scroll.evaluate((el) => el.scrollLeft);
    t.log(`after Ctrl+End: scrollLeft ${end}px`);
    assert.ok(end <= 12, `the last line's start is visible (scrollLeft ${end}px)`);
  },
};
