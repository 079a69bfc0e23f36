// Every example of the library, picked in the page, shows the sign-in outcome and the
// request decisions its file expects (web/examples/<id>.json, `expect` fields).

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export const timeoutMs = 180_000;

async function examples(t) {
  const dir = path.join(t.config.repoRoot, 'web/examples');
  const index = JSON.parse(await readFile(path.join(dir, 'index.json'), 'utf8'));
  const ids = index.map((entry) => (typeof entry === 'string' ? entry : entry.id));
  return Promise.all(
    ids.map(async (id) => ({ id, scenario: JSON.parse(await readFile(path.join(dir, `${id}.json`), 'utf8')) })),
  );
}

function expectedOutcome(scenario) {
  if (scenario.expect?.error) return scenario.expect.error;
  if (scenario.expect?.credentials) return 'issued';
  return null;
}

export const tests = {
  'the picker lists every example and the default is loaded': async (t) => {
    const list = await examples(t);
    const page = await t.openApp();
    const values = await page.locator('[data-testid="example-picker"] option').evaluateAll((options) =>
      options.map((o) => o.value).filter(Boolean),
    );
    assert.deepEqual([...values].sort(), list.map((e) => e.id).sort());
    assert.equal(await page.locator('[data-testid="example-picker"]').inputValue(), 'guest-reads-public-picture');
    await page.locator('[data-testid="signin-outcome"][data-outcome="issued"]').waitFor({ state: 'attached' });
    const first = page.locator('[data-testid="request-result"][data-index="0"]');
    assert.equal(await first.getAttribute('data-decision'), 'Allowed');
    assert.match(await page.locator('[data-testid="engine-version"]').textContent(), /^\d+\.\d+\.\d+/);
  },

  'each example shows its expected outcome and decisions': async (t) => {
    const list = await examples(t);
    const page = await t.openApp();
    const failures = [];
    for (const { id, scenario } of list) {
      const before = Number(await page.locator('[data-testid="results"]').getAttribute('data-evaluations'));
      await page.selectOption('[data-testid="example-picker"]', id);
      // Wait for this example's own report, not the previous one's.
      await page.waitForFunction(
        (n) => Number(document.querySelector('[data-testid="results"]').dataset.evaluations) > n,
        before,
        { timeout: 3_000 },
      );
      const outcome = expectedOutcome(scenario);
      const requests = scenario.requests ?? [];
      // Wait for the report of this example: its request count and (if given) its outcome.
      const selector = outcome
        ? `[data-testid="signin-outcome"][data-outcome="${outcome}"]`
        : '[data-testid="signin-outcome"]';
      try {
        await page.locator(selector).waitFor({ state: 'attached', timeout: 3_000 });
        await page.waitForFunction(
          (n) => document.querySelectorAll('[data-testid="request-result"]').length === n,
          requests.length,
          { timeout: 3_000 },
        );
      } catch {
        const got = await page.locator('[data-testid="signin-outcome"]').getAttribute('data-outcome');
        failures.push(`${id}: outcome ${got}, expected ${outcome}`);
        continue;
      }
      for (const [index, request] of requests.entries()) {
        if (!request.expect) continue;
        const result = page.locator(`[data-testid="request-result"][data-index="${index}"]`);
        const decision = await result.getAttribute('data-decision');
        if (decision !== request.expect) {
          failures.push(`${id}: request ${index} (${request.action}) ${decision}, expected ${request.expect}`);
        } else {
          assert.match(await result.textContent(), new RegExp(decision));
        }
      }
    }
    t.log(`${list.length} examples checked, ${failures.length} mismatch(es)`);
    assert.deepEqual(failures, []);
  },
  'an uncertain scope-down shows both readings and the user can choose one': async (t) => {
    const page = await t.openApp();
    await page.selectOption('[data-testid="example-picker"]', 'scope-down-guest-pinpoint');
    const first = '[data-testid="request-result"][data-index="0"]';
    await page.locator(`${first}[data-decision="ImplicitDeny"]`).waitFor({ state: 'attached', timeout: 5_000 });
    // The default reading denies; the summary says what the other readings decide (an
    // explanation: it follows the decision once the explained pass has run).
    const otherReading = (text) => page.locator(first).filter({ hasText: text }).waitFor({ state: 'attached', timeout: 5_000 });
    await otherReading(/Uncertain: under scope-down version managed-policy-2024.*Allowed/);
    assert.match(await page.locator(first).textContent(), /Uncertain: under scope-down version managed-policy-2024.*Allowed/);
    const choice = page.getByLabel('Scope-down version');
    assert.equal(await choice.inputValue(), 'guide-2023');
    await choice.selectOption('managed-policy-2024');
    await page.locator(`${first}[data-decision="Allowed"]`).waitFor({ state: 'attached', timeout: 5_000 });
    await otherReading(/Uncertain: under scope-down version guide-2023.*ImplicitDeny/);
    assert.match(await page.locator(first).textContent(), /Uncertain: under scope-down version guide-2023.*ImplicitDeny/);
    assert.equal(await choice.inputValue(), 'managed-policy-2024');
    await t.screenshot(page, 'scope-down-version');
  },
};
