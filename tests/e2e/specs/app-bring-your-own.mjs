// Bring your own setup: a pasted JWT fills the sign-in and is warned about; a SAM template
// and a Terraform file import to the same outcome as the hand-written example they describe;
// a broken Terraform file says where; the scenario exported as CloudFormation or Terraform
// imports back with the same answers.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const root = path.join(import.meta.dirname, '..', '..', '..');

function b64url(value) {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** A JWT with a fake signature (the page does not check signatures). */
function jwt(claims) {
  return `${b64url({ alg: 'RS256', kid: 'k1' })}.${b64url(claims)}.c2lnbmF0dXJl`;
}

async function pick(page, id) {
  const before = Number(await page.locator('[data-testid="results"]').getAttribute('data-evaluations'));
  await page.selectOption('[data-testid="example-picker"]', id);
  await page.waitForFunction(
    (n) => Number(document.querySelector('[data-testid="results"]').dataset.evaluations) > n,
    before,
    { timeout: 5_000 },
  );
}

/** The outcome and every request's decision, once the evaluation after `before` is shown. */
async function answers(page, before) {
  await page.waitForFunction(
    (n) => Number(document.querySelector('[data-testid="results"]').dataset.evaluations) > n,
    before,
    { timeout: 5_000 },
  );
  const outcome = await page.locator('[data-testid="signin-outcome"]').getAttribute('data-outcome');
  const decisions = await page
    .locator('[data-testid="request-result"]')
    .evaluateAll((items) => items.map((i) => `${i.dataset.index}:${i.dataset.decision}`));
  return { outcome, decisions };
}

async function evaluations(page) {
  return Number(await page.locator('[data-testid="results"]').getAttribute('data-evaluations'));
}

async function importText(page, text) {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.locator('[data-testid="import-text"]').fill(text);
  await page.locator('[data-testid="import-apply"]').click();
}

/** Picks a format in the open export dialog, checks the text, closes the dialog: the text. */
async function exported(page, button, pattern) {
  await page.locator(`[data-testid="${button}"]`).click();
  const text = await page.locator('[data-testid="export-code-text"]').inputValue();
  assert.match(text, pattern);
  await page.getByRole('button', { name: 'Close' }).click();
  return text;
}

export const tests = {
  'a pasted access token fills the sign-in and is warned about, with its fix': async (t) => {
    const page = await t.openApp();
    await pick(page, 'rules-equals-admin');
    await page.locator('[data-testid="token-paste"] summary').click();
    await page.getByText('never sent anywhere').waitFor();
    const token = jwt({
      sub: 'b2c3d4e5-0000-4000-8000-00000000beef',
      iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123',
      client_id: '4example7client8id9abc0def',
      token_use: 'access',
      'custom:dept': 'sales',
      exp: 1700000000,
    });
    await page.locator('[data-testid="token-text"]').fill(`Bearer ${token}`);
    await page.locator('[data-testid="token-decode"]').click();
    const codes = await page
      .locator('[data-testid="token-warning"]')
      .evaluateAll((items) => items.map((i) => i.dataset.code));
    assert.ok(codes.includes('import::token::access_token'), codes.join());
    assert.ok(codes.includes('import::token::expired'), codes.join());
    await page.locator('[data-testid="token-warning"]', { hasText: 'Fix: pass the ID token' }).waitFor();
    await page.locator('[data-testid="token-provider"]', { hasText: 'cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123' }).waitFor();
    // The claims now fill the sign-in form.
    await page.waitForFunction(() => document.querySelector('[data-testid="claims"]').value.includes('b2c3d4e5'));
    const claims = JSON.parse(await page.locator('[data-testid="claims"]').inputValue());
    assert.equal(claims['custom:dept'], 'sales');
    assert.equal(claims.token_use, 'access');
    // A broken token says which part is broken.
    await page.locator('[data-testid="token-text"]').fill(token.replace('.', '.*'));
    await page.locator('[data-testid="token-decode"]').click();
    await page.locator('[data-testid="token-warning"][data-code="import::token::malformed"]', { hasText: 'payload' }).waitFor();
  },

  'a SAM template imports to the outcome of the hand-written example': async (t) => {
    const page = await t.openApp();
    await pick(page, 'rules-equals-admin');
    const want = await answers(page, 0);
    assert.equal(want.outcome, 'issued');
    const template = await readFile(path.join(root, 'tests/import/cloudformation/sam-rules-admin.yaml'), 'utf8');
    const before = await evaluations(page);
    await importText(page, template);
    await page.locator('[data-testid="import-account"]').waitFor();
    await page.locator('[data-testid="import-left-out"]', { hasText: 'ResizeFunction' }).waitFor();
    await page.locator('[data-testid="import-assumed"]', { hasText: 'parameter UserPoolId' }).waitFor();
    await page.locator('[data-testid="import-done"]').click();
    const got = await answers(page, before);
    assert.deepEqual(got, want);
    await page.locator('[data-testid="notice"]', { hasText: 'imported a CloudFormation template' }).waitFor();
  },

  'exported as CloudFormation, imported back: same answers': async (t) => {
    const page = await t.openApp();
    await pick(page, 'tags-custom-department');
    const want = await answers(page, 0);
    await page.locator('[data-testid="export-code"]').click();
    await page.locator('[data-testid="export-terraform"]').click();
    assert.match(await page.locator('[data-testid="export-code-text"]').inputValue(), /aws_cognito_identity_pool_roles_attachment/);
    await page.locator('[data-testid="export-cli"]').click();
    assert.match(await page.locator('[data-testid="export-code-text"]').inputValue(), /aws iam update-assume-role-policy/);
    const text = await exported(page, 'export-cloudformation', /!Ref IdentityPool/);
    const before = await evaluations(page);
    await importText(page, text);
    await page.locator('[data-testid="import-done"]').click();
    assert.deepEqual(await answers(page, before), want);
  },

  'a Terraform file uploaded in the import dialog gives the outcome of the hand-written example': async (t) => {
    const page = await t.openApp();
    await pick(page, 'rules-equals-admin');
    const want = await answers(page, 0);
    const before = await evaluations(page);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page
      .locator('[data-testid="import-file"]')
      .setInputFiles(path.join(root, 'tests/import/terraform/hcl-rules-admin.tf'));
    await page.locator('[data-testid="import-account"]').waitFor();
    await page.getByRole('heading', { name: 'Imported from a Terraform configuration' }).waitFor();
    await page.locator('[data-testid="import-left-out"]', { hasText: 'aws_lambda_function.resize' }).waitFor();
    await page.locator('[data-testid="import-assumed"]', { hasText: 'var.user_pool_id' }).waitFor();
    await page.locator('[data-testid="import-took"]', { hasText: 'aws_cognito_identity_pool_roles_attachment.main' }).waitFor();
    await page.locator('[data-testid="import-done"]').click();
    assert.deepEqual(await answers(page, before), want);
  },

  'a broken Terraform file is refused with the line and column of the mistake': async (t) => {
    const page = await t.openApp();
    await pick(page, 'rules-equals-admin');
    await importText(page, 'resource "aws_iam_role" "auth" {\n  name = "Auth\n}\n');
    await page.locator('[data-testid="notice"]', { hasText: 'line 2, column 10' }).waitFor();
    await page.locator('[data-testid="notice"]', { hasText: 'the string `"Auth` is not closed' }).waitFor();
  },

  'exported as Terraform, imported back: same answers': async (t) => {
    const page = await t.openApp();
    await pick(page, 'rules-equals-admin');
    const want = await answers(page, 0);
    await page.locator('[data-testid="export-code"]').click();
    const text = await exported(page, 'export-terraform', /resource "aws_cognito_identity_pool_roles_attachment"/);
    const before = await evaluations(page);
    await importText(page, text);
    await page.getByRole('heading', { name: 'Imported from a Terraform configuration' }).waitFor();
    await page.locator('[data-testid="import-done"]').click();
    assert.deepEqual(await answers(page, before), want);
  },

  'a CloudTrail record of a failed GetId fills what it tells and lists what it does not': async (t) => {
    const page = await t.openApp();
    await pick(page, 'rules-equals-admin');
    const record = await readFile(path.join(root, 'tests/import/cloudtrail/getid-token-expired.json'), 'utf8');
    await importText(page, record);
    await page.getByRole('heading', { name: 'Imported from a CloudTrail event' }).waitFor();
    await page.locator('[data-testid="import-took"]', { hasText: 'NotAuthorizedException' }).waitFor();
    await page.locator('[data-testid="import-took"]', { hasText: 'us-east-1:12345678-abcd-abcd-abcd-123456790ab' }).waitFor();
    // The token itself is hidden in CloudTrail: the account says so and what to do.
    await page.locator('[data-testid="import-left-out"]', { hasText: 'paste the ID token' }).waitFor();
    await page.locator('[data-testid="import-done"]').click();
    await page.locator('[data-testid="notice"]', { hasText: 'imported a CloudTrail event' }).waitFor();
  },
};
