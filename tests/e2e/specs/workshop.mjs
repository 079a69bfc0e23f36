// Workshop mode as a learner and an instructor use it: work through two exercises by
// editing until the checklist is green, reload and find the progress kept, reset it; hints
// one at a time; the solution only after confirming, as a diff; the Fix lines hidden until
// asked; an instructor's own workshop file opened from disk, with positioned problems.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const AUTOSAVE = 'idpool-playground/autosave/v1';
const PROGRESS = 'idpool-playground/workshop/iam-roles/v1';
const panel = (exercise, passed) =>
  `[data-testid="workshop"][data-loaded="true"][data-exercise="${exercise}"]${passed === undefined ? '' : `[data-passed="${passed}"]`}`;

async function edit(page, policyId, from, to) {
  const editor = page.locator(`textarea[data-policy-id="${policyId}"]`);
  const text = await editor.inputValue();
  assert.ok(text.includes(from), `${policyId} holds ${from}`);
  await editor.fill(text.replace(from, to));
}

async function goals(page) {
  return page.locator('[data-testid="goal"]').evaluateAll((items) => items.map((li) => li.dataset.met === 'true'));
}

export const timeoutMs = 90_000;

export const tests = {
  'a learner works through two exercises, reloads, and finds the progress kept': async (t) => {
    const page = await t.openApp('#workshop=iam-roles');
    await page.locator(panel('first-trust-policy', 'false')).waitFor({ timeout: 10_000 });
    assert.match(await page.locator('[data-testid="workshop-progress"]').textContent(), /^0 of 12 exercises done/);
    assert.ok((await goals(page)).includes(false), 'the starting state fails a goal');

    // One hint at a time.
    await page.getByRole('button', { name: 'Show a hint (1 of 3)' }).click();
    assert.equal(await page.locator('[data-testid="hint"]').count(), 1);
    await page.getByRole('button', { name: 'Show a hint (2 of 3)' }).click();
    assert.equal(await page.locator('[data-testid="hint"]').count(), 2);

    // Exercise 1: the trust policy must name this pool and guests.
    await edit(page, 'Guest:trust', 'us-east-1:99999999-aaaa-bbbb-cccc-000000000000', 'us-east-1:12345678-abcd-abcd-abcd-123456790ab');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="goal"][data-met="false"]').length > 0);
    await edit(page, 'Guest:trust', '"authenticated"', '"unauthenticated"');
    await page.locator(panel('first-trust-policy', 'true')).waitFor({ timeout: 5_000 });
    assert.deepEqual(await goals(page), [true, true, true]);
    await page.getByTestId('exercise-done').waitFor();
    await t.screenshot(page, 'first exercise done');

    // The next exercise, offered by the completion message.
    await page.getByRole('button', { name: /^Next exercise: / }).click();
    await page.locator(panel('own-s3-folder', 'false')).waitFor({ timeout: 5_000 });
    await edit(page, 'Auth:OwnFolder', '"arn:aws:s3:::mybucket/*"', '"arn:aws:s3:::mybucket/${cognito-identity.amazonaws.com:sub}/*"');
    await page.locator(panel('own-s3-folder', 'true')).waitFor({ timeout: 5_000 });
    assert.match(await page.locator('[data-testid="workshop-progress"]').textContent(), /^2 of 12 exercises done/);

    // Progress lives under the workshop's own key; the playground's autosave is untouched.
    await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key) || '{}').done?.length === 2, PROGRESS, { timeout: 5_000 });
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), AUTOSAVE), null);
    // The header's Reset does not reach into the playground's saved work here.
    await page.evaluate((key) => localStorage.setItem(key, 'the playground work'), AUTOSAVE);
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await page.locator('[data-testid="notice"]', { hasText: 'in a workshop' }).waitFor({ timeout: 2_000 });
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), AUTOSAVE), 'the playground work');

    await page.reload({ waitUntil: 'load' });
    await t.waitReady(page);
    await page.locator(panel('own-s3-folder', 'true')).waitFor({ timeout: 10_000 });
    assert.match(await page.locator('[data-testid="workshop-progress"]').textContent(), /^2 of 12 exercises done/);
    assert.match(await page.locator('textarea[data-policy-id="Auth:OwnFolder"]').inputValue(), /mybucket\/\$\{cognito-identity/);
    // The first exercise kept the learner's version and its hints.
    await page.locator('.exercise-list summary').click();
    await page.getByRole('button', { name: 'Your first trust policy' }).click();
    await page.locator(panel('first-trust-policy', 'true')).waitFor({ timeout: 5_000 });
    assert.equal(await page.locator('[data-testid="hint"]').count(), 2);

    // Reset, after confirming, starts over.
    page.once('dialog', (dialog) => dialog.accept());
    await page.getByRole('button', { name: 'Reset progress' }).click();
    await page.locator(panel('first-trust-policy', 'false')).waitFor({ timeout: 5_000 });
    assert.match(await page.locator('[data-testid="workshop-progress"]').textContent(), /^0 of 12 exercises done/);
    assert.equal(await page.locator('[data-testid="hint"]').count(), 0);
    assert.match(await page.locator('textarea[data-policy-id="Guest:trust"]').inputValue(), /99999999/);
  },

  'a link to one exercise; the solution after confirming, as a diff': async (t) => {
    const page = await t.openApp('#workshop=iam-roles&exercise=own-s3-folder');
    await page.locator(panel('own-s3-folder', 'false')).waitFor({ timeout: 10_000 });
    const show = page.getByRole('button', { name: 'Show the solution' });
    page.once('dialog', (dialog) => dialog.dismiss());
    await show.click();
    assert.equal(await page.getByTestId('solution').count(), 0, 'declining shows nothing');
    page.once('dialog', (dialog) => dialog.accept());
    await show.click();
    const solution = page.getByTestId('solution');
    await solution.waitFor();
    assert.ok((await solution.locator('ins').count()) >= 1, 'the solution adds lines');
    assert.ok((await solution.locator('del').count()) >= 1, 'and removes the learner\'s');
    assert.match(await solution.locator('ins').first().textContent(), /cognito-identity\.amazonaws\.com:sub/);
    await solution.getByRole('button', { name: 'Use the solution' }).click();
    await page.locator(panel('own-s3-folder', 'true')).waitFor({ timeout: 5_000 });
  },

  'the Fix lines stay hidden until the learner asks': async (t) => {
    const page = await t.openApp('#workshop=iam-roles');
    await page.locator(panel('first-trust-policy')).waitFor({ timeout: 10_000 });
    await page.locator('[data-testid="signin-outcome"]:not([data-outcome="issued"])').waitFor({ state: 'attached' });
    const fix = page.locator('.aws-error .fix');
    assert.equal(await fix.count(), 1);
    assert.equal(await fix.isVisible(), false);
    await page.getByLabel('Show the fixes in explanations').check();
    await fix.waitFor({ state: 'visible' });
  },

  'an instructor opens their own workshop file; problems are positioned': async (t) => {
    const page = await t.openApp('#workshop=iam-roles');
    await page.locator(panel('first-trust-policy')).waitFor({ timeout: 10_000 });
    await page.locator('.workshop .instructor summary').click();
    const input = page.locator('.workshop input[type="file"]');

    // A file with a goal of no kind: the problem names the file, line and column.
    const broken = '{\n  "id": "mine",\n  "title": "Mine",\n  "exercises": [\n    {"id": "a", "title": "A", "brief": "", "hints": [],\n     "scenario": {}, "goals": [{"title": "no kind"}], "solution": []}\n  ]\n}\n';
    await input.setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
    const problems = page.getByTestId('workshop-problems');
    await problems.waitFor({ timeout: 5_000 });
    const text = await problems.textContent();
    t.log(`problems: ${text}`);
    assert.match(text, /mine\.json:\d+:\d+: /);

    // One exercise of the shipped workshop, renamed, is a workshop of one.
    const shipped = JSON.parse(await readFile(path.join(t.config.repoRoot, 'web/workshops/iam-roles.json'), 'utf8'));
    const mine = { ...shipped.exercises[0], id: 'my-trust-exercise', title: 'My trust exercise' };
    await input.setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(mine, null, 2)) });
    await page.locator(panel('my-trust-exercise', 'false')).waitFor({ timeout: 5_000 });
    assert.match(await page.locator('[data-testid="workshop-progress"]').textContent(), /^0 of 1 exercises done/);
  },
};
