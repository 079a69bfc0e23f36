// Words a user meets in the results (issue 14, "Point at the cause" and "Pickers"): steps
// are named after the AWS operation they happen in, a skipped step says "not reached"
// once, a missing provider is called missing (no sentence with a hole), choosing "Signed
// in" starts from the pool's first provider and its claims, and a request blocked by two
// layers names both.

import assert from 'node:assert/strict';

const OUTCOME = '[data-testid="signin-outcome"]';

/** The page's scenario as exported, changed by `change`, imported back. */
async function reimport(page, change) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export', exact: true }).click(),
  ]);
  let text = '';
  for await (const chunk of await download.createReadStream()) text += chunk;
  const doc = JSON.parse(text);
  change(doc);
  await page.getByRole('button', { name: 'Import' }).click();
  await page.locator('[data-testid="import-text"]').fill(JSON.stringify(doc, null, 2));
  await page.locator('[data-testid="import-apply"]').click();
}

export const tests = {
  'choosing Signed in picks the pool\'s first provider and its claims, and the sign-in works': async (t) => {
    const page = await t.openApp();
    await page.getByRole('radio', { name: 'Signed in' }).check();
    const provider = await page.getByLabel('Provider', { exact: true }).inputValue();
    const claims = JSON.parse(await page.locator('[data-testid="claims"]').inputValue());
    t.log(`provider ${provider}; claims ${JSON.stringify(claims)}`);
    assert.notEqual(provider, '', 'a provider is chosen');
    assert.ok(claims.sub && claims.aud, 'the claims preset is filled in');
    await page.locator(`${OUTCOME}[data-outcome="issued"]`).waitFor({ timeout: 5_000 });
  },

  'steps are named after the AWS operation they happen in, and a skipped step says "not reached" once': async (t) => {
    const page = await t.openApp();
    const labels = async () => page.locator('[data-testid="flow-step"]').evaluateAll(
      (els) => els.map((e) => ({ name: e.dataset.name, status: e.dataset.status, text: e.textContent })));
    const ok = await labels();
    t.log(ok.map((s) => s.text).join(' | '));
    const trust = ok.find((s) => s.name === 'TrustPolicy');
    assert.ok(trust.text.startsWith('✓GetCredentialsForIdentity: STS checks the role\'s trust policy'), trust.text);
    assert.ok(ok.every((s) => !/^.(TrustPolicy|RoleSelection|ScopeDown)\b/.test(s.text)), 'no made-up operation names');
    // Guest access off: GetId fails, every later step is not reached, said once each.
    await page.getByLabel('Guest access (unauthenticated identities)').uncheck();
    await page.locator(`${OUTCOME}[data-outcome="NotAuthorizedException"]`).waitFor({ timeout: 5_000 });
    const failed = await labels();
    const skipped = failed.filter((s) => s.status === 'skipped');
    assert.ok(skipped.length >= 3, `${skipped.length} skipped steps`);
    for (const s of skipped) {
      assert.equal(s.text.match(/not reached/g)?.length, 1, s.text);
    }
    assert.match(await page.locator('.aws-error .exception').textContent(), /from GetId/);
  },

  'a trust failure is reported from GetCredentialsForIdentity, the call AWS answers it with': async (t) => {
    const page = await t.openApp();
    const trust = page.locator('textarea[data-policy-id="Guest:trust"]');
    const text = await trust.inputValue();
    await trust.fill(text.replace('"unauthenticated"', '"authenticated"'));
    await page.locator(`${OUTCOME}[data-outcome="InvalidIdentityPoolConfigurationException"]`).waitFor({ timeout: 5_000 });
    const exception = await page.locator('.aws-error .exception').textContent();
    t.log(exception);
    assert.match(exception, /from GetCredentialsForIdentity/);
  },

  'a sign-in with no provider says no provider is chosen, never a sentence with a hole': async (t) => {
    const page = await t.openApp();
    await reimport(page, (doc) => {
      doc.signIn = { ...doc.signIn, identity: 'authenticated', provider: '', claims: { sub: 'u1' } };
    });
    await page.locator(`${OUTCOME}[data-outcome="NotAuthorizedException"]`).waitFor({ timeout: 5_000 });
    const card = await page.locator('.aws-error').textContent();
    t.log(card);
    assert.match(card, /no provider is chosen/);
    assert.doesNotMatch(card, /for ,|add {2}to|``/);
  },

  'choosing the basic flow fills in the role and offers to enable the flow in the pool': async (t) => {
    const page = await t.openApp();
    await page.getByRole('radio', { name: 'Basic (classic)' }).check();
    const arn = await page.getByLabel('RoleArn for AssumeRoleWithWebIdentity').inputValue();
    t.log(`basic flow role: ${arn}`);
    assert.equal(arn, 'arn:aws:iam::123456789012:role/Guest', 'the role the pool gives guests');
    await page.locator(`${OUTCOME}[data-outcome="InvalidParameterException"]`).waitFor({ timeout: 5_000 });
    await page.getByRole('button', { name: 'Enable the basic flow in the pool' }).click();
    await page.locator(`${OUTCOME}[data-outcome="issued"]`).waitFor({ timeout: 5_000 });
    assert.ok(await page.getByLabel('Basic (classic) flow').isChecked());
    assert.equal(await page.locator('[data-testid="classic-flow-off"]').count(), 0);
  },
  'a request blocked by two layers names both: no Allow in the role, and the scope-down': async (t) => {
    const page = await t.openApp();
    await page.locator('[data-testid="request-row"][data-index="0"] input.action').fill('mobiletargeting:PutEvents');
    await page.locator('[data-testid="request-row"][data-index="0"] input.resource').fill('*');
    const card = page.locator('[data-testid="request-result"][data-index="0"][data-decision="ImplicitDeny"]');
    await card.waitFor({ timeout: 5_000 });
    const also = card.locator('[data-testid="also-blocking"]');
    await also.waitFor({ timeout: 5_000 });
    const text = await also.textContent();
    t.log(text);
    assert.match(text, /scope-down/);
    assert.match(await card.locator('.summary').textContent(), /no statement in the policies of role `?Guest`? allows/);
    assert.doesNotMatch(await card.locator('.summary').textContent(), /[^.] [Ii]mplicitly denied/, 'sentences do not run into each other');
  },
};
