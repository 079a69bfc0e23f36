// Editing: typing into a policy changes the decision live; a syntax error shows a
// diagnostic at the right line; the pool's JSON view and its form stay in step.

import assert from 'node:assert/strict';

const EDITOR = 'textarea[data-testid="policy-editor"][data-policy-id="Guest:ReadPicture"]';
const result = (decision) =>
  `[data-testid="request-result"][data-index="0"]${decision ? `[data-decision="${decision}"]` : ''}`;

export const tests = {
  'typing into a policy changes the decision': async (t) => {
    const page = await t.openApp();
    await page.locator(result('Allowed')).waitFor({ state: 'attached' });
    const editor = page.locator(EDITOR);
    const text = await editor.inputValue();
    // Put the caret inside "s3:GetObject" right after "Get" and type, as a user would.
    const at = text.indexOf('s3:GetObject') + 's3:Get'.length;
    await editor.focus();
    await editor.evaluate((el, pos) => el.setSelectionRange(pos, pos), at);
    await page.keyboard.type('X');
    await page.locator(result('ImplicitDeny')).waitFor({ state: 'attached', timeout: 5_000 });
    assert.match(await page.locator(result()).textContent(), /ImplicitDeny/);
    await page.keyboard.press('Backspace');
    await page.locator(result('Allowed')).waitFor({ state: 'attached', timeout: 5_000 });
    // An explicit deny statement wins over the allow.
    await editor.fill(
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::mybucket/*' },
          { Sid: 'NoAssets', Effect: 'Deny', Action: 's3:*', Resource: 'arn:aws:s3:::mybucket/assets/*' },
        ],
      }, null, 2),
    );
    await page.locator(result('ExplicitDeny')).waitFor({ state: 'attached', timeout: 5_000 });
    // The deciding statement is an explanation: it follows the decision once the explained
    // pass has run.
    await page.locator(result('ExplicitDeny')).filter({ hasText: 'NoAssets' }).waitFor({ state: 'attached', timeout: 5_000 });
    assert.match(await page.locator(result()).textContent(), /NoAssets/);
    await t.screenshot(page, 'explicit-deny');
  },

  'a syntax error is marked at its line': async (t) => {
    const page = await t.openApp();
    const editor = page.locator(EDITOR);
    const lines = (await editor.inputValue()).split('\n');
    // Remove the comma at the end of the "Version" line (line 2): the error is reported
    // where the next member starts, on line 3.
    assert.match(lines[1], /"Version".*,$/);
    lines[1] = lines[1].replace(/,$/, '');
    await editor.fill(lines.join('\n'));
    const marker = page.locator('[data-testid="diagnostic"]').first();
    await marker.waitFor({ timeout: 5_000 });
    const line = Number(await marker.getAttribute('data-line'));
    const column = Number(await marker.getAttribute('data-column'));
    t.log(`diagnostic at ${line}:${column}: ${await marker.textContent()}`);
    assert.ok(line === 2 || line === 3, `marker on line ${line}, expected the missing comma's line (2) or the next (3)`);
    assert.ok(column >= 1);
    await t.screenshot(page, 'syntax-error');
    // The list item jumps there: focus in the editor, caret on the marker's line.
    await editor.evaluate((area) => area.setSelectionRange(0, 0));
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await marker.click();
    const caret = await editor.evaluate((area) => ({
      focused: document.activeElement === area,
      line: area.value.slice(0, area.selectionStart).split('\n').length,
    }));
    assert.deepEqual(caret, { focused: true, line }, 'the diagnostic jumps to its line');
    // Fixing it removes the marker and the decision is back.
    lines[1] += ',';
    await editor.fill(lines.join('\n'));
    await page.locator('[data-testid="diagnostic"]').first().waitFor({ state: 'detached', timeout: 5_000 });
    await page.locator(result('Allowed')).waitFor({ state: 'attached', timeout: 5_000 });
  },

  'a problem in the results names the line the editor marks': async (t) => {
    const page = await t.openApp();
    const editor = page.locator(EDITOR);
    // A misspelt effect is valid JSON: the editor marks it, and the simulation reports it too.
    const text = (await editor.inputValue()).replace('"Allow"', '"Alow"');
    const line = text.split('\n').findIndex((l) => l.includes('"Alow"')) + 1;
    await editor.fill(text);
    const marker = page.locator('[data-testid="diagnostic"][data-code="iam::parse::invalid_effect"]');
    await marker.waitFor({ timeout: 5_000 });
    assert.equal(Number(await marker.getAttribute('data-line')), line, 'the editor marks the misspelt effect');
    const problem = page.locator('[data-testid="scenario-problem"]', { hasText: 'Alow' }).first();
    await problem.waitFor({ timeout: 5_000 });
    const label = await problem.getByRole('button').textContent();
    t.log(`results list: ${await problem.textContent()}`);
    assert.match(label, new RegExp(`^Guest:ReadPicture ${line}:\\d+$`), 'the same editor and line as the marker');
    // Its link puts the caret on that line of that editor.
    await problem.getByRole('button').click();
    const caret = await editor.evaluate((area) => ({
      focused: document.activeElement === area,
      line: area.value.slice(0, area.selectionStart).split('\n').length,
    }));
    assert.deepEqual(caret, { focused: true, line });
  },

  'switching guest access off fails the sign-in with the AWS exception': async (t) => {
    const page = await t.openApp();
    await page.getByLabel('Guest access (unauthenticated identities)').uncheck();
    const outcome = page.locator('[data-testid="signin-outcome"]');
    await page.locator('[data-testid="signin-outcome"]:not([data-outcome="issued"])').waitFor({ timeout: 5_000 });
    const name = await outcome.getAttribute('data-outcome');
    t.log(`outcome without guest access: ${name}`);
    assert.match(name, /Exception$/);
    assert.match(await page.locator('.aws-error').textContent(), new RegExp(name));
    assert.ok(await page.locator('[data-testid="flow-step"][data-status="failed"]').count() >= 1);
    // The JSON view shows the same change, and editing it updates the form.
    await page.locator('summary', { hasText: 'Pool as JSON' }).click();
    const json = page.locator('[data-testid="pool-json"]');
    const doc = JSON.parse(await json.inputValue());
    assert.equal(doc.identityPool.AllowUnauthenticatedIdentities, false);
    doc.identityPool.AllowUnauthenticatedIdentities = true;
    await json.fill(JSON.stringify(doc, null, 2));
    await page.locator('[data-testid="signin-outcome"][data-outcome="issued"]').waitFor({ timeout: 5_000 });
    assert.equal(await page.getByLabel('Guest access (unauthenticated identities)').isChecked(), true);
  },

  'requests can be added with autocomplete of common actions': async (t) => {
    const page = await t.openApp();
    await page.getByRole('button', { name: 'Add request' }).click();
    const action = page.getByLabel('Action of request 2');
    assert.equal(await action.getAttribute('list'), 'common-actions');
    assert.ok(await page.locator('#common-actions option[value="s3:PutObject"]').count() === 1);
    await action.fill('s3:PutObject');
    await page.getByLabel('Resource of request 2').fill('arn:aws:s3:::mybucket/assets/my_picture.jpg');
    const second = page.locator('[data-testid="request-result"][data-index="1"][data-decision="ImplicitDeny"]');
    await second.waitFor({ state: 'attached', timeout: 5_000 });
  },

  'an explanation jumps to its deciding statement in the editor': async (t) => {
    const page = await t.openApp();
    const first = page.locator(result('Allowed'));
    await first.waitFor({ state: 'attached' });
    await first.getByRole('button', { name: 'Show Guest/ReadPicture in the editor' }).click();
    const caret = await page.evaluate(() => {
      const el = document.activeElement;
      return {
        id: el?.getAttribute('data-policy-id'),
        line: el ? el.value.slice(0, el.selectionStart).split('\n').length : 0,
        text: el?.value ?? '',
      };
    });
    assert.equal(caret.id, 'Guest:ReadPicture');
    const statementLine = caret.text.split('\n').findIndex((l, i, all) => i > 0 && /^\s*\{/.test(l) && /Statement/.test(all.slice(0, i).join('\n'))) + 1;
    assert.equal(caret.line, statementLine, 'caret on the first line of statement #0');
    // The other statements' reasons open on demand.
    const others = first.getByRole('button', { name: /why the other/ });
    if (await others.count()) {
      await others.click();
      assert.ok((await first.locator('ul.others li').count()) >= 1);
    }
  },

  'sign-in panel: signed in with a provider preset, then the basic flow': async (t) => {
    const page = await t.openApp();
    const outcome = page.locator('[data-testid="signin-outcome"]');
    await page.getByRole('radio', { name: 'Signed in' }).check();
    await page
      .getByLabel('Provider', { exact: true })
      .selectOption('cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123');
    const before = Number(await page.locator('[data-testid="results"]').getAttribute('data-evaluations'));
    await page.getByRole('group', { name: 'Claims presets' }).getByRole('button').first().click();
    const claims = JSON.parse(await page.locator('[data-testid="claims"]').inputValue());
    assert.equal(claims.aud, '4example7client8id9abc0def', 'the preset uses the client id the pool configures');
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="results"]').dataset.evaluations) > n,
      before,
    );
    // The default example's pool has an authenticated role `Auth` whose trust policy accepts
    // authenticated identities of this pool, so a user-pool sign-in gets credentials.
    const signedIn = await outcome.getAttribute('data-outcome');
    t.log(`signed in through the pool's user pool provider: ${signedIn}`);
    assert.equal(signedIn, 'issued');
    assert.ok((await page.locator('[data-testid="flow-step"]').count()) >= 1);
    // The basic flow with classic flow off in the pool fails too, with its own exception.
    await page.getByRole('radio', { name: 'Guest' }).check();
    await page.locator('[data-testid="signin-outcome"][data-outcome="issued"]').waitFor({ timeout: 5_000 });
    await page.getByRole('radio', { name: 'Basic (classic)' }).check();
    await page.getByLabel('RoleArn for AssumeRoleWithWebIdentity').fill('arn:aws:iam::123456789012:role/Guest');
    await page.waitForFunction(() => document.querySelector('[data-testid="signin-outcome"]').dataset.outcome !== 'issued');
    // GetOpenIdToken in a pool with AllowClassicFlow false: InvalidParameterException (facts §4.2).
    assert.equal(await outcome.getAttribute('data-outcome'), 'InvalidParameterException');
    await page.getByLabel('Basic (classic) flow').check();
    await page.locator('[data-testid="signin-outcome"][data-outcome="issued"]').waitFor({ timeout: 5_000 });
    await t.screenshot(page, 'basic-flow-issued');
  },

  'role mapping rules choose the role, and Deny resolution fails the sign-in': async (t) => {
    const page = await t.openApp();
    await page.selectOption('[data-testid="example-picker"]', 'rules-equals-admin');
    const role = page.locator('[data-testid="session-role"]');
    await page.locator('[data-testid="session-role"]', { hasText: 'role/Admin' }).waitFor({ timeout: 5_000 });
    // The rule no longer matches: the pool's authenticated role is used.
    await page.getByLabel('Value', { exact: true }).fill('finance');
    await page.locator('[data-testid="session-role"]', { hasText: 'role/Auth' }).waitFor({ timeout: 5_000 });
    // With Deny as the ambiguous-role resolution, no matching rule means no credentials.
    await page.getByLabel('Ambiguous role resolution').selectOption('Deny');
    await page.locator('[data-testid="signin-outcome"]:not([data-outcome="issued"])').waitFor({ timeout: 5_000 });
    t.log(`no rule matched, Deny: ${await page.locator('[data-testid="signin-outcome"]').getAttribute('data-outcome')}`);
    assert.equal(await role.count(), 0);
  },
};
