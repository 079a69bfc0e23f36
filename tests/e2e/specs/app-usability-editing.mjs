// Editing without losing work (issue 14): picking an example or importing can be undone
// (one step back), a new empty scenario can be started, and the scenario's name,
// description and expected results are edited in the page.

import assert from 'node:assert/strict';

const TRUST = 'textarea[data-policy-id="Guest:trust"]';

export const tests = {
  'picking another example or importing can be undone, one step back': async (t) => {
    const page = await t.openApp();
    const trust = page.locator(TRUST);
    const edited = (await trust.inputValue()).replace('"Sid": ""', '"Sid": "MyEdit"');
    await trust.fill(edited);
    await page.selectOption('[data-testid="example-picker"]', 'rules-equals-admin');
    const undo = page.locator('[data-testid="undo-load"]');
    await undo.waitFor({ timeout: 5_000 });
    t.log(await undo.textContent());
    assert.equal(await page.locator(TRUST).count(), 0, 'the example replaced the scenario');
    await undo.getByRole('button', { name: 'Undo' }).click();
    await page.locator(TRUST).waitFor({ timeout: 5_000 });
    assert.equal(await page.locator(TRUST).inputValue(), edited, 'the edit is back');
    assert.equal(await undo.count(), 0);
    // An import, too.
    await page.getByRole('button', { name: 'Import' }).click();
    await page.locator('[data-testid="import-text"]').fill(JSON.stringify({
      Role: { RoleName: 'Other', Arn: 'arn:aws:iam::123456789012:role/Other', AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [] } },
    }));
    await page.locator('[data-testid="import-apply"]').click();
    await undo.waitFor({ timeout: 5_000 });
    await undo.getByRole('button', { name: 'Undo' }).click();
    assert.equal(await page.locator('textarea[data-policy-id="Other:trust"]').count(), 0, 'the imported role is gone');
    assert.equal(await page.locator(TRUST).inputValue(), edited);
  },

  'a new empty scenario has no roles or requests, and an import fills it alone': async (t) => {
    const page = await t.openApp();
    await page.getByRole('button', { name: 'New scenario' }).click();
    await page.locator('.role').first().waitFor({ state: 'detached', timeout: 5_000 });
    assert.equal(await page.locator('[data-testid="request-row"]').count(), 0);
    assert.match(await page.locator('[data-testid="scenario-about"] summary').textContent(), /New scenario/);
    await page.getByRole('button', { name: 'Import' }).click();
    await page.locator('[data-testid="import-text"]').fill(JSON.stringify({
      Role: { RoleName: 'Imported', Arn: 'arn:aws:iam::123456789012:role/Imported', AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [] } },
    }));
    await page.locator('[data-testid="import-apply"]').click();
    await page.locator('textarea[data-policy-id="Imported:trust"]').waitFor({ timeout: 5_000 });
    assert.equal(await page.locator('.role').count(), 1, 'only the imported role, no leftovers of the example');
  },

  'the name, the description and the expected results are edited in the page': async (t) => {
    const page = await t.openApp();
    // A changed request differs from the example's expected result...
    await page.locator('[data-testid="request-row"][data-index="0"] input.action').fill('s3:DeleteObject');
    const mismatch = page.locator('[data-testid="request-result"][data-index="0"] .mismatch');
    await mismatch.waitFor({ timeout: 5_000 });
    const about = page.locator('[data-testid="scenario-about"]');
    await about.locator('summary').click();
    await about.getByRole('button', { name: 'Clear the expected results' }).click();
    await mismatch.waitFor({ state: 'detached', timeout: 5_000 });
    await about.getByLabel('Name').fill('My pool test');
    await about.getByLabel('Description').fill('What my app does');
    assert.match(await about.locator('summary').textContent(), /My pool test/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export', exact: true }).click(),
    ]);
    t.log(`exported as ${download.suggestedFilename()}`);
    assert.equal(download.suggestedFilename(), 'my-pool-test.json');
    let text = '';
    for await (const chunk of await download.createReadStream()) text += chunk;
    const doc = JSON.parse(text);
    assert.equal(doc.description, 'What my app does');
    assert.equal(doc.requests[0].expect, undefined);
  },
};
