// Workshop mode's two ways of losing a learner's place, closed: Share keeps the recipient
// in the workshop at the same exercise with the learner's version, and browsing the
// example library during a workshop never overwrites the learner's version of the
// exercise (the panel offers the way back to it).

import assert from 'node:assert/strict';

const PROGRESS = 'idpool-playground/workshop/iam-roles/v1';
const TRUST = 'textarea[data-policy-id="Guest:trust"]';
const panel = (exercise, passed) =>
  `[data-testid="workshop"][data-loaded="true"][data-exercise="${exercise}"]${passed === undefined ? '' : `[data-passed="${passed}"]`}`;

/** The learner's first step of exercise 1: the trust policy names this pool. */
async function fixPoolId(page) {
  const editor = page.locator(TRUST);
  const text = await editor.inputValue();
  assert.ok(text.includes('99999999-aaaa'), 'the exercise starts with the wrong pool ID');
  await editor.fill(text.replace('us-east-1:99999999-aaaa-bbbb-cccc-000000000000', 'us-east-1:12345678-abcd-abcd-abcd-123456790ab'));
  // Judged and kept as the learner's version.
  await page.waitForFunction(
    (key) => (JSON.parse(localStorage.getItem(key) || '{}').drafts?.['first-trust-policy'] || '').includes('12345678-abcd'),
    PROGRESS,
    { timeout: 5_000 },
  );
}

const draft = (page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) || '{}').drafts?.['first-trust-policy'] ?? '', PROGRESS);

export const timeoutMs = 90_000;

export const tests = {
  'Share in a workshop gives a link that opens the workshop at the exercise with my version': async (t) => {
    const page = await t.openApp('#workshop=iam-roles');
    await page.locator(panel('first-trust-policy', 'false')).waitFor({ timeout: 10_000 });
    await fixPoolId(page);

    await page.getByRole('button', { name: 'Share' }).click();
    const notice = page.locator('[data-testid="notice"]', { hasText: 'workshop link' });
    await notice.waitFor({ timeout: 2_000 });
    t.log(`notice: ${await notice.textContent()}`);
    assert.match(await notice.textContent(), /exercise `first-trust-policy`/);
    await page.waitForFunction(() => location.hash.startsWith('#workshop=iam-roles&exercise=first-trust-policy&s=1.'), null, { timeout: 2_000 });
    const link = new URL(page.url());
    t.log(`workshop share link length: ${link.href.length} characters`);

    // A classmate (a fresh browser) opens it: the workshop, the same exercise, my version.
    const mate = await t.openApp(link.hash);
    await mate.locator(panel('first-trust-policy', 'false')).waitFor({ timeout: 10_000 });
    assert.match(await mate.locator(TRUST).inputValue(), /12345678-abcd-abcd-abcd-123456790ab/);
    assert.equal(await mate.getByTestId('workshop-shared').getAttribute('data-shared'), 'opened');
    // The checklist judges it: finishing the exercise from there works.
    const editor = mate.locator(TRUST);
    await editor.fill((await editor.inputValue()).replace('"authenticated"', '"unauthenticated"'));
    await mate.locator(panel('first-trust-policy', 'true')).waitFor({ timeout: 5_000 });

    // I reload my own page (the link is in my address bar) after editing further: my
    // newer version is kept, the link's older one does not overwrite it.
    const mine = page.locator(TRUST);
    await mine.fill((await mine.inputValue()).replace('"authenticated"', '"unauthenticated"'));
    await page.locator(panel('first-trust-policy', 'true')).waitFor({ timeout: 5_000 });
    await page.waitForFunction((key) => (JSON.parse(localStorage.getItem(key) || '{}').drafts?.['first-trust-policy'] || '').includes('"unauthenticated"'), PROGRESS, { timeout: 5_000 });
    await page.reload({ waitUntil: 'load' });
    await t.waitReady(page);
    await page.locator(panel('first-trust-policy', 'true')).waitFor({ timeout: 10_000 });
    assert.match(await page.locator(TRUST).inputValue(), /"unauthenticated"/);
    assert.equal(await page.getByTestId('workshop-shared').getAttribute('data-shared'), 'kept-yours');
  },

  'picking an example during a workshop keeps my version of the exercise': async (t) => {
    const page = await t.openApp('#workshop=iam-roles');
    await page.locator(panel('first-trust-policy', 'false')).waitFor({ timeout: 10_000 });
    await fixPoolId(page);
    const before = await draft(page);

    // Browse the library: the editor shows the example, the panel says my work is kept.
    const picker = page.getByTestId('example-picker');
    const other = await picker.locator('option').evaluateAll((options) =>
      options.map((o) => o.value).find((v) => v && v !== 'guest-reads-public-picture' && !v.startsWith('__')),
    );
    await picker.selectOption(other);
    await page.getByTestId('workshop-away').waitFor({ timeout: 5_000 });
    await page.waitForFunction(() => !document.querySelector('textarea[data-policy-id="Guest:trust"]')?.value.includes('12345678-abcd-abcd-abcd-123456790ab'), null, { timeout: 5_000 });
    // Let the example's evaluation run (and the autosave effects after it).
    await page.locator('[data-testid="request-result"]').first().waitFor({ state: 'attached', timeout: 5_000 });
    await page.waitForTimeout(500);
    assert.equal(await draft(page), before, 'the saved version of the exercise is unchanged');
    assert.equal(await page.locator('[data-testid="goal"][data-met="true"]').count(), 0, 'the example is not checked against the goals');

    // A second example, then a reload: still my version.
    await page.reload({ waitUntil: 'load' });
    await t.waitReady(page);
    await page.locator(panel('first-trust-policy')).waitFor({ timeout: 10_000 });
    // The panel can show the exercise a task before the saved version reaches the editor
    // (seen on a loaded machine): wait for it, as for the other loads in this test.
    await page.waitForFunction(() => document.querySelector('textarea[data-policy-id="Guest:trust"]')?.value.includes('12345678-abcd-abcd-abcd-123456790ab'), null, { timeout: 5_000 });

    // Browse again, then go back with the panel's button: my version, judged again.
    await picker.selectOption(other);
    await page.getByTestId('workshop-away').waitFor({ timeout: 5_000 });
    await page.getByRole('button', { name: /^Back to the exercise: / }).click();
    await page.waitForFunction(() => document.querySelector('textarea[data-policy-id="Guest:trust"]')?.value.includes('12345678-abcd-abcd-abcd-123456790ab'), null, { timeout: 5_000 });
    assert.equal(await page.getByTestId('workshop-away').count(), 0);
    await t.screenshot(page, 'back to the exercise');
    const editor = page.locator(TRUST);
    await editor.fill((await editor.inputValue()).replace('"authenticated"', '"unauthenticated"'));
    await page.locator(panel('first-trust-policy', 'true')).waitFor({ timeout: 5_000 });
    assert.match(await draft(page), /"unauthenticated"/);
  },
};
