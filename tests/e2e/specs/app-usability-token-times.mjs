// Token times (issue 14, "Editing without losing work"): the token's `exp`, `iat` and
// `auth_time` are shown as dates and as distances from the sign-in ("expires in 55 min",
// "expired 36 h ago"), and the sign-in time is a field next to the claims, so expiry is
// checked on real tokens: typed, set to now with one button, or set by pasting a token.

import assert from 'node:assert/strict';

const OUTCOME = '[data-testid="signin-outcome"]';
const TIME = '[data-testid="sign-in-time"]';
const claimRow = (claim) => `[data-testid="claim-time"][data-claim="${claim}"]`;

const b64url = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A JWT with a fake signature (the page does not check signatures). */
const jwt = (claims) => `${b64url({ alg: 'RS256', kid: 'k1' })}.${b64url(claims)}.c2lnbmF0dXJl`;

export const tests = {
  'token times read as dates, and the sign-in time is a field that decides expiry (1440x900)': async (t) => {
    const page = await t.openApp('', { viewport: { width: 1440, height: 900 } });
    await page.selectOption('[data-testid="example-picker"]', 'error-token-expired');
    await page.locator(`${OUTCOME}[data-outcome="NotAuthorizedException"]`).waitFor({ timeout: 5_000 });
    const time = page.locator(TIME);
    assert.equal(await time.inputValue(), '2022-11-02T05:14:58Z');
    assert.equal(await page.locator('[data-testid="sign-in-time-reading"]').textContent(), '= 1667366098 (epoch seconds)');
    const exp = await page.locator(claimRow('exp')).textContent();
    const iat = await page.locator(claimRow('iat')).textContent();
    t.log(`${exp} | ${iat}`);
    assert.equal(exp, 'exp 1667235770 · 2022-10-31T17:02:50Z · expired 36 h ago');
    assert.equal(iat, 'iat 1667231170 · 2022-10-31T15:46:10Z · issued 37 h ago');
    await t.screenshot(page, 'expired token');

    // Sign in two minutes before the token expires: GetId accepts it.
    await time.fill('2022-10-31T17:00:00Z');
    await page.locator(`${OUTCOME}[data-outcome="issued"]`).waitFor({ timeout: 5_000 });
    assert.equal(await page.locator(claimRow('exp')).textContent(), 'exp 1667235770 · 2022-10-31T17:02:50Z · expires in 2 min');
    // Epoch seconds work too, and read back as a date.
    await time.fill('1667235000');
    assert.equal(await page.locator('[data-testid="sign-in-time-reading"]').textContent(), '= 2022-10-31T16:50:00Z');

    // "Now": this token is long expired.
    await page.getByRole('button', { name: 'Now', exact: true }).click();
    assert.match(await time.inputValue(), /^20\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    await page.locator(`${OUTCOME}[data-outcome="NotAuthorizedException"]`).waitFor({ timeout: 5_000 });
    assert.match(await page.locator(claimRow('exp')).textContent(), /expired \d+ days ago$/);
  },

  'a pasted token is checked at the moment it is pasted, and its times say so (390x844)': async (t) => {
    const page = await t.openApp('', { viewport: { width: 390, height: 844 } });
    const now = Math.floor(Date.now() / 1000);
    const token = jwt({
      sub: 'b2c3d4e5-0000-4000-8000-00000000beef',
      aud: '4example7client8id9abc0def',
      iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123',
      token_use: 'id',
      auth_time: now - 2 * 3600,
      iat: now - 5 * 60,
      exp: now + 55 * 60,
    });
    await page.locator('[data-testid="token-paste"] summary').click();
    await page.locator('[data-testid="token-text"]').fill(token);
    await page.locator('[data-testid="token-decode"]').click();
    await page.locator(claimRow('exp')).waitFor({ timeout: 5_000 });
    const time = Number(await page.locator(TIME).inputValue());
    assert.ok(Math.abs(time - now) < 60, `the sign-in time is when the token was pasted (${time} vs ${now})`);
    const rows = await page.locator('[data-testid="claim-time"]').allTextContents();
    t.log(rows.join(' | '));
    assert.match(rows[0], /^exp \d+ · 20\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ · expires in 5[45] min$/);
    assert.match(rows[1], /^iat \d+ · .* · issued [45] min ago$/);
    assert.match(rows[2], /^auth_time \d+ · .* · signed in to the provider [12] h ago$/);
    await page.locator('[data-testid="flow-step"][data-name="GetId"][data-status="ok"]').waitFor({ timeout: 5_000 });
    // The field and the rows fit the phone's width.
    const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px)`);
    const field = await page.locator(TIME).boundingBox();
    assert.ok(field.height >= 24, `the time field is a 24px target (${field.height})`);
    await page.locator(TIME).scrollIntoViewIfNeeded();
    await t.screenshot(page, 'pasted token 390x844');
  },
};
