// Pickers instead of free text where the answer is known (issue 14): a role mapping is for
// one of the pool's providers (user pools with their app client), a rule's role ARN and the
// sign-in's custom role ARN offer the scenario's roles, and a new role starts with a trust
// policy for this pool and an ARN that follows its name.

import assert from 'node:assert/strict';

const options = (page, id) => page.locator(`datalist#${id} option`).evaluateAll((els) => els.map((e) => e.value));

export const tests = {
  'a new role mapping is for the pool\'s first provider, with the user pool\'s app client': async (t) => {
    const page = await t.openApp();
    const offered = await options(page, 'mapping-providers');
    t.log(`providers offered: ${offered.join(', ')}`);
    const userPool = offered.find((p) => p.startsWith('cognito-idp.'));
    assert.ok(userPool && /:[^/]+$/.test(userPool), 'the user pool is offered with its app client');
    await page.getByRole('button', { name: 'Add role mapping' }).click();
    const mapping = page.locator('.mapping').last();
    const provider = mapping.getByLabel('Provider', { exact: true });
    assert.equal(await provider.inputValue(), offered[0]);
    assert.equal(await provider.getAttribute('list'), 'mapping-providers');
    // A configured provider is no error: the guest still gets credentials.
    await page.locator('[data-testid="signin-outcome"][data-outcome="issued"]').waitFor({ timeout: 5_000 });
    // Rules: the rule's role ARN offers the scenario's roles.
    await mapping.getByLabel('Mapping type').selectOption('Rules');
    await mapping.getByRole('button', { name: 'Add rule' }).click();
    const arn = mapping.getByLabel('Role ARN');
    assert.equal(await arn.getAttribute('list'), 'role-arns');
    const roles = await options(page, 'role-arns');
    t.log(`roles offered: ${roles.join(', ')}`);
    assert.ok(roles.includes('arn:aws:iam::123456789012:role/Guest'));
    // The sign-in's custom role ARN offers the same roles, and still takes free text.
    const custom = page.getByLabel('Custom role ARN (optional)');
    assert.equal(await custom.getAttribute('list'), 'role-arns');
    await custom.fill('arn:aws:iam::123456789012:role/NotInThePool');
    assert.equal(await custom.inputValue(), 'arn:aws:iam::123456789012:role/NotInThePool');
  },

  'a new role trusts this pool and its ARN follows its name until the ARN is edited': async (t) => {
    const page = await t.openApp();
    const pool = await page.getByLabel('Identity pool ID').inputValue();
    await page.getByRole('button', { name: 'Add role', exact: true }).click();
    const card = page.locator('.role').last();
    const trust = await card.locator('textarea[data-testid="policy-editor"]').first().inputValue();
    assert.ok(trust.includes(`"cognito-identity.amazonaws.com:aud": "${pool}"`), trust);
    assert.ok(trust.includes('"cognito-identity.amazonaws.com:amr": "authenticated"'), trust);
    await card.getByLabel('Role name').fill('Admins');
    assert.equal(await card.getByLabel('Role ARN').inputValue(), 'arn:aws:iam::123456789012:role/Admins');
    await card.getByLabel('Role ARN').fill('arn:aws:iam::123456789012:role/Custom');
    await card.getByLabel('Role name').fill('Other');
    assert.equal(await card.getByLabel('Role ARN').inputValue(), 'arn:aws:iam::123456789012:role/Custom');
  },
};
