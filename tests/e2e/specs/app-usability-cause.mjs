// Point at the cause (issue 14): a failed sign-in's card has "show", which puts the caret
// on the failing trust condition and marks it in the trust policy's editor, and the card
// lists every trust statement, whether it applied and why not (the engine's words), each
// with its own "show". Done with the mouse on a laptop and with the keyboard on a phone.

import assert from 'node:assert/strict';

const OUTCOME = '[data-testid="signin-outcome"]';
const TRUST = 'textarea[data-testid="policy-editor"][data-policy-id="Guest:trust"]';
const POOL = 'us-east-1:12345678-abcd-abcd-abcd-123456790ab';
const OTHER_POOL = 'us-east-1:99999999-0000-0000-0000-000000000000';
const FAILED = `${OUTCOME}[data-outcome="InvalidIdentityPoolConfigurationException"]`;

/** The focused editor's id, its selected text, and whether the selection's line is on screen. */
async function focusedMark(page) {
  return page.evaluate(() => {
    const area = document.activeElement;
    if (!(area instanceof HTMLTextAreaElement)) return { policy: null };
    const selected = area.value.slice(area.selectionStart, area.selectionEnd);
    const line = area.value.slice(0, area.selectionStart).split('\n').length;
    const row = area.closest('.policy-editor')?.querySelector('.pe-gutter')?.children[line - 1];
    const r = row?.getBoundingClientRect();
    return {
      policy: area.dataset.policyId,
      selected,
      line,
      // Scrolled to the nearest edge, the row may end a fraction of a pixel past it.
      onScreen: !!r && r.top >= 0 && r.bottom <= window.innerHeight + 1,
    };
  });
}

async function breakTrust(page, edit) {
  const trust = page.locator(TRUST);
  await trust.fill(edit(await trust.inputValue()));
  await page.locator(FAILED).waitFor({ timeout: 5_000 });
}

export const tests = {
  'show on a failed sign-in marks the failing trust condition in the editor (1440x900, mouse)': async (t) => {
    const page = await t.openApp('', { viewport: { width: 1440, height: 900 } });
    await breakTrust(page, (text) => text.replace(POOL, OTHER_POOL));
    await page.evaluate(() => window.scrollTo(0, 0));
    const show = page.locator(`${OUTCOME} [data-testid="show-cause"]`);
    assert.ok(await show.isVisible(), 'the error card has "show"');
    await show.click();
    const mark = await focusedMark(page);
    t.log(JSON.stringify(mark));
    assert.equal(mark.policy, 'Guest:trust', 'the trust policy editor has the caret');
    assert.equal(mark.selected, '"cognito-identity.amazonaws.com:aud"', 'the failing condition is marked');
    assert.ok(mark.onScreen, `line ${mark.line} is scrolled into view`);
    await t.screenshot(page, 'cause marked 1440x900');
  },

  'show works from the keyboard on a phone (390x844)': async (t) => {
    const page = await t.openApp('', { viewport: { width: 390, height: 844 } });
    await breakTrust(page, (text) => text.replace('"unauthenticated"', '"authenticated"'));
    const show = page.locator(`${OUTCOME} [data-testid="show-cause"]`);
    await show.focus();
    await page.keyboard.press('Enter');
    const mark = await focusedMark(page);
    t.log(JSON.stringify(mark));
    assert.equal(mark.policy, 'Guest:trust');
    assert.equal(mark.selected, '"cognito-identity.amazonaws.com:amr"', 'the amr condition is marked');
    assert.ok(mark.onScreen, `line ${mark.line} is scrolled into view`);
    const box = await show.boundingBox();
    assert.ok(box.height >= 24 && box.width >= 24, `"show" is a 24px touch target (${box.width}x${box.height})`);
    await t.screenshot(page, 'cause marked 390x844');
  },

  'the sign-in card lists each trust statement, whether it applied and why not, each linked to its place': async (t) => {
    const page = await t.openApp('', { viewport: { width: 1440, height: 900 } });
    await breakTrust(page, (text) => {
      const doc = JSON.parse(text);
      const good = doc.Statement[0];
      const wrongPool = structuredClone(good);
      wrongPool.Sid = 'WrongPool';
      wrongPool.Condition.StringEquals['cognito-identity.amazonaws.com:aud'] = OTHER_POOL;
      const plainAssume = structuredClone(good);
      plainAssume.Sid = 'PlainAssume';
      plainAssume.Action = 'sts:AssumeRole';
      doc.Statement = [wrongPool, plainAssume];
      return JSON.stringify(doc, null, 2);
    });
    const lines = page.locator(`${OUTCOME} [data-testid="trust-statement"]`);
    // The sign-in failed: the statements are listed at once, none decided, none applied.
    assert.equal(await lines.count(), 2);
    const texts = await lines.allTextContents();
    t.log(texts.join('\n'));
    assert.equal(await page.locator(`${OUTCOME} [data-testid="trust-statement"][data-matched="false"]`).count(), 2);
    assert.match(texts[0], /^WrongPool \(Allow\) — does not apply/);
    assert.match(texts[0], /StringEquals on cognito-identity\.amazonaws\.com:aud is false/);
    assert.ok(texts[0].includes(POOL) && texts[0].includes(OTHER_POOL), 'both values are named');
    assert.match(texts[1], /^PlainAssume \(Allow\) — does not apply/);
    assert.match(texts[1], /sts:AssumeRoleWithWebIdentity/);
    // Each line links to what its reason names.
    await lines.nth(0).getByRole('button', { name: 'Show statement WrongPool in Guest:trust' }).click();
    assert.equal((await focusedMark(page)).selected, '"cognito-identity.amazonaws.com:aud"');
    await lines.nth(1).getByRole('button', { name: 'Show statement PlainAssume in Guest:trust' }).click();
    const whole = await focusedMark(page);
    assert.ok(whole.selected.startsWith('{') && whole.selected.includes('"Sid": "PlainAssume"'), whole.selected);
    await t.screenshot(page, 'trust breakdown');

    // Fix the second statement: it decides, and the other one's reason is one click away.
    const trust = page.locator(TRUST);
    await trust.fill((await trust.inputValue()).replace('"sts:AssumeRole"', '"sts:AssumeRoleWithWebIdentity"'));
    await page.locator(`${OUTCOME}[data-outcome="issued"]`).waitFor({ timeout: 5_000 });
    // The sign-in worked: the breakdown is folded to its summary line; open it.
    const breakdown = page.locator(`${OUTCOME} details.trust-breakdown`);
    assert.equal(await breakdown.evaluate((d) => d.open), false, 'folded when the sign-in worked');
    await breakdown.locator('> summary').click();
    const decided = page.locator(`${OUTCOME} [data-testid="trust-statement"][data-decided="true"]`);
    assert.equal(await decided.count(), 1);
    assert.match(await decided.textContent(), /^PlainAssume \(Allow\) — decided/);
    const others = page.locator(`${OUTCOME} .trust-breakdown details`);
    assert.equal(await others.evaluate((d) => d.open), false, 'the others are folded when the sign-in worked');
    await others.locator('summary', { hasText: 'Why the other 1 statement(s) did not decide' }).click();
    assert.equal(await others.evaluate((d) => d.open), true);
    assert.match(await page.locator(`${OUTCOME} [data-testid="trust-statement"][data-decided="false"]`).textContent(), /^WrongPool/);
  },
};
