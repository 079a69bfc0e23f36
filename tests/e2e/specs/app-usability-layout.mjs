// The question next to the answer (issue 14, "Layout"): the sign-in choices and the
// requests sit in the results column on a laptop (one screen shows an edit and its
// effect) and right before the results on a phone; long policy lines can be soft-wrapped;
// several notices fold into one box that lists them.

import assert from 'node:assert/strict';

/** The page-relative box of the first element matching `selector`. */
async function box(page, selector) {
  const b = await page.locator(selector).first().boundingBox();
  assert.ok(b, `${selector} is on the page`);
  const scrollY = await page.evaluate(() => window.scrollY);
  return { x: Math.round(b.x), y: Math.round(b.y + scrollY), width: Math.round(b.width), height: Math.round(b.height) };
}

const SIGN_IN = '[data-testid="sign-in-bar"]';
const REQUEST = '[data-testid="request-row"][data-index="0"]';
const RESULT = '[data-testid="request-result"][data-index="0"]';
const RESULTS = '[data-testid="results"]';
const ROLES = 'section[aria-labelledby="roles-title"]';
const POOL = 'section[aria-labelledby="pool-title"]';

export const tests = {
  'at 1440x900 the sign-in choices, the requests and the first decision are on the first screen, in the results column': async (t) => {
    const page = await t.openApp('', { viewport: { width: 1440, height: 900 } });
    // Sign in with a provider so every sign-in control is shown.
    await page.getByRole('radio', { name: 'Signed in' }).check();
    const column = await box(page, '.results-column');
    const controls = {
      identity: await box(page, `${SIGN_IN} input[type="radio"][name="identity"]`),
      provider: await box(page, `${SIGN_IN} select[aria-label="Provider"]`),
      flow: await box(page, `${SIGN_IN} input[type="radio"][name="flow"]`),
      role: await box(page, `${SIGN_IN} input[type="text"]`),
      request: await box(page, `${REQUEST} input.action`),
      result: await box(page, RESULT),
      results: await box(page, RESULTS),
    };
    t.log(`results column x=${column.x}..${column.x + column.width}; ` +
      Object.entries(controls).map(([k, b]) => `${k} at (${b.x}, ${b.y})`).join(', '));
    for (const [name, b] of Object.entries(controls)) {
      assert.ok(b.x >= column.x && b.x + b.width <= column.x + column.width + 1, `${name} is in the results column`);
      if (name !== 'results') assert.ok(b.y + Math.min(b.height, 24) <= 900, `${name} is visible without scrolling (y=${b.y})`);
    }
    assert.ok(controls.request.y < controls.results.y, 'the requests come right before the results');
    // An edit and its effect on one screen: change the action, the decision under it changes.
    await page.locator(`${REQUEST} input.action`).fill('s3:DeleteObject');
    await page.locator(`${RESULT}[data-decision="ImplicitDeny"]`).waitFor({ timeout: 5_000 });
    const after = await box(page, RESULT);
    assert.ok(after.y < 900, `the new decision is visible without scrolling (y=${after.y})`);
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'the page did not scroll');
    await t.screenshot(page, 'laptop 1440x900');
  },

  'at 390x844 the sign-in choices and the requests come right before the results, above the pool and the roles': async (t) => {
    const page = await t.openApp('', { viewport: { width: 390, height: 844 } });
    const at = {
      signIn: await box(page, SIGN_IN),
      request: await box(page, REQUEST),
      results: await box(page, RESULTS),
      result: await box(page, RESULT),
      pool: await box(page, POOL),
      roles: await box(page, ROLES),
    };
    t.log(Object.entries(at).map(([k, b]) => `${k} y=${b.y}`).join(', '));
    assert.ok(at.signIn.y < at.request.y, 'sign-in before the requests');
    assert.ok(at.request.y < at.results.y, 'requests before the results');
    assert.ok(at.result.y < at.pool.y && at.result.y < at.roles.y, 'the results before the pool and the roles');
    assert.ok(at.signIn.y < 844, `the sign-in choices start on the first screen (y=${at.signIn.y})`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no horizontal scrolling (${overflow}px)`);
    await t.screenshot(page, 'phone 390x844', { fullPage: false });
  },

  'a long condition line can be soft-wrapped: nothing is cut off and the caret stays on its character': async (t) => {
    const page = await t.openApp('', { viewport: { width: 1440, height: 900 } });
    const editor = page.locator('.policy-editor', { has: page.locator('textarea[data-policy-id="Guest:trust"]') });
    const scroll = editor.locator('.pe-scroll');
    const cut = await scroll.evaluate((el) => el.scrollWidth - el.clientWidth);
    t.log(`trust policy editor: ${cut}px of the longest line hidden without wrap`);
    assert.ok(cut > 0, 'the default example has a line longer than the editor (the case to fix)');
    await editor.getByRole('button', { name: 'Wrap lines' }).click();
    assert.equal(await editor.getByRole('button', { name: 'Wrap lines' }).getAttribute('aria-pressed'), 'true');
    const after = await scroll.evaluate((el) => el.scrollWidth - el.clientWidth);
    assert.ok(after <= 0, `nothing hidden sideways once wrapped (${after}px)`);
    // The highlighted copy and the textarea fold the same way: the same height.
    const heights = await editor.evaluate((el) => [
      el.querySelector('.pe-highlight').offsetHeight,
      el.querySelector('textarea').scrollHeight,
    ]);
    t.log(`wrapped: highlight ${heights[0]}px, textarea ${heights[1]}px`);
    assert.ok(Math.abs(heights[0] - heights[1]) <= 1, `same height (${heights})`);
    // Every source line keeps one number, the numbers still count lines.
    const numbers = await editor.evaluate((el) => el.querySelectorAll('.pe-highlight .pe-line').length);
    const lines = (await editor.locator('textarea').inputValue()).split('\n').length;
    assert.equal(numbers, lines);
    // Typing at the end of the wrapped line lands there.
    const textarea = editor.locator('textarea');
    const value = await textarea.inputValue();
    const end = value.indexOf('123456790ab"') + '123456790ab'.length;
    await textarea.evaluate((el, at) => { el.focus(); el.setSelectionRange(at, at); }, end);
    await page.keyboard.type('X');
    assert.ok((await textarea.inputValue()).includes('123456790abX"'));
    await t.screenshot(page, 'wrapped editor 1440x900');
  },

  'several notices fold into one box that lists them': async (t) => {
    const page = await t.openApp('', { viewport: { width: 1440, height: 900 } });
    const before = await box(page, '.columns');
    // Four notices: share three times (each gives one) and reset (cancelled gives none),
    // so use the import dialog's failure notice too.
    for (let i = 0; i < 3; i++) {
      await page.getByRole('button', { name: 'Share' }).click();
    }
    await page.getByRole('button', { name: 'Import' }).click();
    await page.locator('[data-testid="import-text"]').fill('not json');
    await page.locator('[data-testid="import-apply"]').click();
    await page.locator('[data-testid="notice"]', { hasText: 'import failed' }).waitFor({ timeout: 5_000 });
    if (await page.locator('[data-testid="import-text"]').count()) await page.keyboard.press('Escape');
    const items = await page.locator('[data-testid="notice"]').count();
    assert.equal(items, 4);
    assert.equal(await page.locator('[data-testid="notices"]').count(), 1, 'one box');
    const boxed = await box(page, '[data-testid="notices"]');
    const pushed = (await box(page, '.columns')).y - before.y;
    t.log(`${items} notices: one box ${boxed.height}px tall; the page moved down ${pushed}px`);
    // Each older notice takes one line; the box is a head line plus one line per notice
    // (four separate notices took about 220px before).
    const older = await page.locator('[data-testid="notice"].older').evaluateAll((els) => els.map((e) => e.offsetHeight));
    t.log(`older notices: ${older.join(', ')}px`);
    assert.equal(older.length, 3);
    assert.ok(older.every((h) => h <= 26), 'one line each');
    assert.ok(boxed.height <= 160, `four notices take at most 160px (${boxed.height}px)`);
    // The older ones are one line each; the box opens to show them in full.
    await page.getByRole('button', { name: 'Show all in full' }).click();
    const open = await box(page, '[data-testid="notices"]');
    assert.ok(open.height >= boxed.height);
    await page.getByRole('button', { name: 'Dismiss all' }).click();
    assert.equal(await page.locator('[data-testid="notice"]').count(), 0);
  },

  'touch targets are at least 24px and context-key names never wrap mid-word (390x844)': async (t) => {
    const page = await t.openApp('', { viewport: { width: 390, height: 844 } });
    const small = await page.evaluate(() => [...document.querySelectorAll(
      'input[type="checkbox"], input[type="radio"], .app button, .pe-button')]
      .filter((el) => el.offsetParent !== null)
      .map((el) => ({ el: el.outerHTML.slice(0, 80), w: el.getBoundingClientRect().width, h: el.getBoundingClientRect().height }))
      .filter((b) => b.w < 24 || b.h < 24));
    t.log(`controls under 24px: ${small.length}`);
    assert.deepEqual(small, []);
    // The session's context keys: each part of a name (split after `:` or `/`) is one line.
    const keys = await page.locator('table.keys th .nowrap').evaluateAll((els) =>
      els.map((e) => ({ text: e.textContent, lines: e.getClientRects().length })));
    assert.ok(keys.length > 0, 'the session shows context keys');
    t.log(`${keys.length} key parts, e.g. ${keys.slice(0, 3).map((k) => k.text).join(' ')}`);
    assert.deepEqual(keys.filter((k) => k.lines !== 1), []);
  },
};
