// The first slice through every layer: the default example (a guest in the enhanced
// flow reading `arn:aws:s3:::mybucket/assets/my_picture.jpg`) is evaluated by the
// engine compiled to wasm and shown; editing the access policy changes the decision.

import assert from 'node:assert/strict';

const EDITOR = 'textarea[data-testid="policy-editor"][data-policy-id="Guest:ReadPicture"]';
const firstResult = (decision) =>
  `[data-testid="request-result"][data-index="0"]${decision ? `[data-decision="${decision}"]` : ''}`;

export default async function firstSlice(t) {
  const started = performance.now();
  const page = await t.openApp();
  t.timing('navigation to first decision', performance.now() - started);

  const result = page.locator(firstResult());
  assert.equal(await result.getAttribute('data-decision'), 'Allowed');
  assert.match(await result.textContent(), /Allowed/);
  await result.scrollIntoViewIfNeeded();
  await t.screenshot(page, 'allowed');

  // Edit the policy so it no longer grants the requested action.
  const editor = page.locator(EDITOR);
  const policy = await editor.inputValue();
  assert.match(policy, /s3:GetObject/, 'the default policy should grant s3:GetObject');
  const edited = performance.now();
  await editor.fill(policy.replaceAll('s3:GetObject', 's3:PutObject'));
  await page.locator(firstResult('ImplicitDeny')).waitFor({ state: 'attached', timeout: 5_000 });
  t.timing('edit to updated decision', performance.now() - edited);
  assert.match(await page.locator(firstResult()).textContent(), /ImplicitDeny/);
  await page.locator(firstResult()).scrollIntoViewIfNeeded();
  await t.screenshot(page, 'implicit-deny');
}
