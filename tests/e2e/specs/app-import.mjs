// Import and export: a scenario file round-trips; AWS CLI outputs merge into the current
// scenario; an unknown shape gives a notice.

import assert from 'node:assert/strict';

async function exported(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 5_000 }),
    page.getByRole('button', { name: 'Export' }).click(),
  ]);
  let text = '';
  for await (const chunk of await download.createReadStream()) text += chunk;
  return JSON.parse(text);
}

async function paste(page, value) {
  if ((await page.locator('[data-testid="import-text"]').count()) === 0) {
    await page.getByRole('button', { name: 'Import', exact: true }).click();
  }
  await page.locator('[data-testid="import-text"]').fill(typeof value === 'string' ? value : JSON.stringify(value));
  await page.locator('[data-testid="import-apply"]').click();
}

export const tests = {
  'an exported file imports back, by upload and by paste': async (t) => {
    const page = await t.openApp();
    const doc = await exported(page);
    assert.equal(doc.signIn.identity, 'unauthenticated');
    doc.requests.push({ action: 's3:PutObject', resource: 'arn:aws:s3:::mybucket/assets/x.jpg', context: {} });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.locator('[data-testid="import-file"]').setInputFiles({
      name: 'scenario.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(doc)),
    });
    await page
      .locator('[data-testid="request-result"][data-index="1"][data-decision="ImplicitDeny"]')
      .waitFor({ state: 'attached', timeout: 5_000 });
    await page.locator('[data-testid="notice"]', { hasText: 'imported scenario' }).waitFor();
    doc.requests.pop();
    await paste(page, doc);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="request-result"]').length === 1);
  },

  'AWS CLI outputs merge into the scenario': async (t) => {
    const page = await t.openApp();
    await paste(page, {
      Role: {
        Path: '/',
        RoleName: 'Auth',
        RoleId: 'AROAEXAMPLE',
        Arn: 'arn:aws:iam::123456789012:role/Auth',
        CreateDate: '2024-01-01T00:00:00+00:00',
        AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [] },
      },
    });
    await page.locator('[data-testid="notice"]', { hasText: 'aws iam get-role' }).waitFor({ timeout: 5_000 });
    await page.locator('textarea[data-testid="policy-editor"][data-policy-id="Auth:trust"]').waitFor();
    await paste(page, {
      RoleName: 'Auth',
      PolicyName: 'ReadAll',
      PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] },
    });
    await page.locator('textarea[data-testid="policy-editor"][data-policy-id="Auth:ReadAll"]').waitFor({ timeout: 5_000 });
    await paste(page, {
      IdentityPoolId: 'us-east-1:12345678-abcd-abcd-abcd-123456790ab',
      IdentityPoolName: 'Photos',
      AllowUnauthenticatedIdentities: false,
      AllowClassicFlow: true,
    });
    await page.locator('[data-testid="notice"]', { hasText: 'describe-identity-pool' }).waitFor({ timeout: 5_000 });
    assert.equal(await page.getByLabel('Basic (classic) flow').isChecked(), true);
    await page.locator('[data-testid="signin-outcome"]:not([data-outcome="issued"])').waitFor({ timeout: 5_000 });
  },

  'an unknown shape gives a notice and changes nothing': async (t) => {
    const page = await t.openApp();
    await paste(page, '{"Hello": "world"}');
    await page.locator('[data-testid="notice"]', { hasText: 'import failed' }).waitFor({ timeout: 5_000 });
    await paste(page, 'not json at all');
    await page.locator('[data-testid="notice"]', { hasText: 'not a JSON object' }).waitFor({ timeout: 5_000 });
    await page.keyboard.press('Escape');
    await page
      .locator('[data-testid="request-result"][data-index="0"][data-decision="Allowed"]')
      .waitFor({ state: 'attached' });
  },
};
