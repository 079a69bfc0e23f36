// Roles and policies keep their identity in the page (issue 8 §5): removing one above
// another does not hand the other's editor a fresh history, nor its caret and undo to a
// neighbour. The lists are keyed by stable ids, not positions.

import assert from 'node:assert/strict';

const editor = (id) => `textarea[data-testid="policy-editor"][data-policy-id="${id}"]`;

/** Types at the end of a policy editor, as a user would. */
async function typeAtEnd(page, id, text) {
  const box = page.locator(editor(id));
  await box.focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
  return box;
}

/** Waits until policy editor `id` holds `text` (an undo shows on the next frame). */
async function valueIs(page, id, text) {
  await page.waitForFunction(
    ([selector, value]) => document.querySelector(selector)?.value === value,
    [editor(id), text],
    { timeout: 2_000 },
  );
}

export const tests = {
  'removing the role above keeps the undo history of the role below': async (t) => {
    const page = await t.openApp();
    const roles = await page.locator('article.role').count();
    const name = `Role${roles + 1}`;
    await page.getByRole('button', { name: 'Add role', exact: true }).click();
    const added = `${name}:trust`;
    const second = page.locator(editor(added));
    await second.waitFor({ timeout: 5_000 });
    const original = await second.inputValue();
    await typeAtEnd(page, added, '  ');
    assert.equal(await second.inputValue(), `${original}  `);
    // The first role goes; the cards below move up.
    await page.getByRole('button', { name: 'Remove role Guest' }).click();
    await page.locator(editor('Guest:trust')).waitFor({ state: 'detached', timeout: 5_000 });
    await second.focus();
    await page.keyboard.press('Control+Z');
    await valueIs(page, added, original);
    t.log('Ctrl+Z after removing the role above undid the typing in the role below');
  },

  'removing a policy above keeps the text and undo of the policy below': async (t) => {
    const page = await t.openApp();
    const card = page.getByRole('article', { name: 'Role Guest' });
    await card.getByRole('button', { name: 'Add access policy' }).click();
    const added = page.locator(editor('Guest:Policy2'));
    await added.waitFor({ timeout: 5_000 });
    const original = await added.inputValue();
    await typeAtEnd(page, 'Guest:Policy2', '  ');
    await card.getByRole('button', { name: 'Remove policy ReadPicture' }).click();
    await page.locator(editor('Guest:ReadPicture')).waitFor({ state: 'detached', timeout: 5_000 });
    assert.equal(await added.inputValue(), `${original}  `, 'the policy below kept its text');
    await added.focus();
    await page.keyboard.press('Control+Z');
    await valueIs(page, 'Guest:Policy2', original);
  },
};
