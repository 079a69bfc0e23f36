// Issue 13, measured in the browser: a 1.9 KB share link whose access policy's Resource
// lists 30,000 copies of "x" (a 30,014-line document, 30,000 warnings of one code).
// Printed, never asserted: how long the page takes from navigation to the first decision,
// from a keystroke elsewhere to the next evaluation, and from a keystroke in that policy
// (after "Edit anyway") to the changed decision. Asserted, as a user sees it: the decision
// is shown; the long policy opens read-only with a notice naming its size and IAM's limit,
// its problems still marked on their lines; the notice's buttons are reachable by
// keyboard; Download gives the text exactly; "Edit anyway" edits it; after a reload the
// edited text is intact; the notice fits a 390-pixel screen; the warnings are capped, and
// their lists folded (a "Show all" button) so a phone shows the decision on its first screen.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';

export const timeoutMs = 240_000;

const POLICY = 'Guest:ReadPicture';
const EDITOR = `textarea[data-testid="policy-editor"][data-policy-id="${POLICY}"]`;
const VIEW = `[data-testid="policy-view"][data-policy-id="${POLICY}"]`;
const NOTICE = '[data-testid="large-policy-notice"]';
const TRUST = 'textarea[data-testid="policy-editor"][data-policy-id="Guest:trust"]';
const RESULT = '[data-testid="request-result"][data-index="0"]';
const COPIES = 30_000;

/** The default example with `COPIES` extra "x" resources, as a share-link fragment. */
async function hostileLink(repoRoot) {
  const file = path.join(repoRoot, 'web/examples/guest-reads-public-picture.json');
  const doc = JSON.parse(await readFile(file, 'utf8'));
  const statement = doc.roles[0].Policies[0].PolicyDocument.Statement[0];
  // The picture stays allowed (so one keystroke can flip the decision); the copies follow.
  statement.Resource = [].concat(statement.Resource, Array(COPIES).fill('x'));
  const json = JSON.stringify(doc);
  return { json, fragment: `#s=1.${deflateRawSync(Buffer.from(json), { level: 9 }).toString('base64url')}` };
}

/** How many `"x"` resources a policy text lists. */
const copiesIn = (text) => text.match(/"x"/g)?.length ?? 0;

/** Navigates to `url` and waits for request 0's `decision`; returns the wall-clock ms. */
async function load(page, url, decision) {
  const started = performance.now();
  await page.goto(url, { waitUntil: 'load' });
  await page.locator(`${RESULT}[data-decision="${decision}"]`).waitFor({ state: 'attached', timeout: 120_000 });
  return performance.now() - started;
}

/** Presses `key` in the focused field; ms until `done` (a page function) holds. */
async function keystroke(page, key, done, arg) {
  await page.evaluate(() => { window.__pressed = performance.now(); });
  const started = performance.now();
  await page.keyboard.press(key);
  await page.waitForFunction(done, arg, { timeout: 120_000, polling: 'raf' });
  return { wall: performance.now() - started, page: await page.evaluate(() => performance.now() - window.__pressed) };
}

export default async function (t) {
  const { json, fragment } = await hostileLink(t.config.repoRoot);
  t.log(`share link: ${fragment.length} characters (scenario ${json.length} bytes)`);
  const url = new URL(fragment, t.baseUrl).href;
  // For scale: the default page on the same machine, in a fresh context as the link gets.
  const plain = await t.newPage({ viewport: { width: 1440, height: 900 } });
  t.timing('default page: navigation to first decision (wall clock)', await load(plain, t.baseUrl, 'Allowed'));
  await plain.context().close();
  const page = await t.newPage({ viewport: { width: 1440, height: 900 } });

  const wall = await load(page, url, 'Allowed');
  t.timing('hostile 1.9 KB link: navigation to first decision (wall clock)', wall);
  t.timing('hostile 1.9 KB link: navigation to first decision (page clock)', await page.evaluate(() => performance.now()));
  await t.waitReady(page);

  // Read-only, with a notice that says why; no textarea for this policy.
  const notice = page.locator(NOTICE);
  await notice.waitFor();
  const said = await notice.textContent();
  t.log(`notice: ${said}`);
  assert.match(said, /This policy is \d+ lines? \(\d+ characters\)/);
  assert.match(said, /10,240/);
  assert.match(said, /a second or more/, 'the cost of editing in place is named');
  assert.match(said, /Export the scenario, edit the file and Import it/, 'a way that works at any size');
  assert.equal(await page.locator(EDITOR).count(), 0, 'the long policy has no textarea');
  const view = page.locator(VIEW);
  await view.waitFor();

  // The long problem lists are folded to their first few, each with a real button that
  // shows them all; opened by keyboard here.
  const items = '[data-testid="diagnostic"], [data-testid="scenario-problem"]';
  const folded = await page.locator(items).count();
  const folds = page.locator('[data-testid="show-all-problems"]');
  assert.equal(await folds.count(), 2, 'the results list and the editor list each fold');
  for (const fold of await folds.all()) {
    assert.equal(await fold.evaluate((el) => el.tagName), 'BUTTON');
    assert.match(await fold.textContent(), /^Show all \d+ problems$/);
    assert.equal(await fold.getAttribute('aria-expanded'), 'false');
    await fold.focus();
    await page.keyboard.press('Enter');
    assert.equal(await fold.getAttribute('aria-expanded'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'show-all-problems', 'focus stays on it');
  }
  const unfolded = await page.locator(items).count();
  t.log(`problems listed: ${folded} folded, ${unfolded} after "Show all"`);
  assert.ok(folded < 10 && unfolded > folded, `${folded} folded, ${unfolded} shown`);

  // Its problems are still marked, on the lines the list names.
  const listed = await page.locator(items).allTextContents();
  const more = listed.filter((text) => /and \d+ more/.test(text));
  t.log(`${listed.length} diagnostics listed; summaries: ${more.join(' | ')}`);
  assert.ok(more.length > 0, 'the warnings past the cap are summed up as "and N more"');
  assert.ok(listed.length < 1_000, `the list is capped (${listed.length} items)`);
  const counts = more.map((text) => Number(text.match(/and (\d+) more/)[1]));
  assert.ok(counts.some((n) => n >= COPIES - 200), `the summary counts the rest: ${counts}`);
  const located = page.locator(`.policy-editor:has(${VIEW}) [data-testid="diagnostic"][data-line]`).first();
  const line = await located.getAttribute('data-line');
  assert.match(await view.locator(`.pe-gutter-line[data-line="${line}"]`).getAttribute('class'), /pe-warning/);
  assert.ok(await view.locator('.pe-highlight .pe-diag').count() > 0, 'the marks are underlined in the view');
  const clipped = view.locator('[data-testid="clipped-line"]');
  if (await clipped.count()) t.log(`the view cuts the long line: ${await clipped.first().textContent()}`);

  // The view takes focus (the keyboard scrolls it); Shift+Tab from it reaches the notice's buttons.
  await view.focus();
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'policy-view');
  const reached = [];
  for (let i = 0; i < 6 && reached.at(-1) !== 'edit-anyway'; i++) {
    await page.keyboard.press('Shift+Tab');
    reached.push(await page.evaluate(() => document.activeElement?.dataset.testid ?? document.activeElement?.tagName));
  }
  t.log(`Shift+Tab from the view: ${reached.join(' -> ')}`);
  assert.ok(reached.includes('download-policy') && reached.includes('clear-policy'), reached.join());
  assert.equal(reached.at(-1), 'edit-anyway');

  // Download gives the text exactly as the scenario holds it.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="download-policy"]').click()]);
  const downloaded = await readFile(await download.path(), 'utf8');
  t.log(`downloaded ${download.suggestedFilename()}: ${downloaded.length} characters`);
  assert.equal(copiesIn(downloaded), COPIES);
  assert.deepEqual(JSON.parse(downloaded), JSON.parse(json).roles[0].Policies[0].PolicyDocument);

  // "Clear to paste" empties the editor for a paste; Undo brings the long text back.
  await page.locator('[data-testid="clear-policy"]').click();
  await page.locator(EDITOR).waitFor();
  assert.equal(await page.locator(EDITOR).inputValue(), '');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.policyId), POLICY, 'ready for a paste');
  await page.keyboard.press('Control+z');
  await page.locator(NOTICE).waitFor();
  await page.locator(`${RESULT}[data-decision="Allowed"]`).waitFor({ state: 'attached', timeout: 60_000 });

  // Typing elsewhere on the page does not freeze: a keystroke in the trust policy.
  const trust = page.locator(TRUST);
  await trust.focus();
  await trust.evaluate((el) => el.setSelectionRange(1, 1));
  const evaluations = Number(await page.locator('[data-testid="results"]').getAttribute('data-evaluations'));
  const elsewhere = await keystroke(page, 'Space', (n) =>
    Number(document.querySelector('[data-testid="results"]')?.dataset.evaluations) > n, evaluations);
  t.timing('hostile 1.9 KB link: keystroke in another policy to its evaluation (wall clock)', elsewhere.wall);
  t.timing('hostile 1.9 KB link: keystroke in another policy to its evaluation (page clock)', elsewhere.page);

  // "Edit anyway", by keyboard: the full textarea, focused; one keystroke flips the decision.
  await page.locator('[data-testid="edit-anyway"]').focus();
  await page.keyboard.press('Enter');
  const editor = page.locator(EDITOR);
  await editor.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.policyId), POLICY, 'the textarea has focus');
  assert.equal(await page.locator(NOTICE).count(), 0);
  const text = await editor.inputValue();
  assert.equal(copiesIn(text), COPIES);
  const at = text.indexOf('s3:GetObject') + 's3:Get'.length;
  await editor.evaluate((el, pos) => el.setSelectionRange(pos, pos), at);
  const typed = await keystroke(page, 'X', (selector) =>
    document.querySelector(selector)?.dataset.decision === 'ImplicitDeny', RESULT);
  t.timing('hostile 1.9 KB link: keystroke after "Edit anyway" to changed decision (wall clock)', typed.wall);
  t.timing('hostile 1.9 KB link: keystroke after "Edit anyway" to changed decision (page clock)', typed.page);
  assert.ok((await editor.inputValue()).includes('s3:GetXObject'), 'the keystroke reached the editor');

  // Autosaved: the page without the link brings the edited text back, intact.
  await page.waitForFunction(() => (localStorage.getItem('idpool-playground/autosave/v1') ?? '').includes('s3:GetXObject'),
    null, { timeout: 30_000 });
  const reload = await load(page, t.baseUrl, 'ImplicitDeny');
  t.timing('hostile policy autosaved: reload to first decision (wall clock)', reload);
  await page.locator(NOTICE).waitFor();
  await page.locator('[data-testid="edit-anyway"]').click();
  const restored = await page.locator(EDITOR).inputValue();
  assert.equal(restored, text.slice(0, at) + 'X' + text.slice(at), 'the text is intact after the reload');

  // A phone: the notice and its buttons fit 390 pixels, the decision still shows, on the
  // first screen: the long problem list above it is folded.
  const phone = await t.newPage({ viewport: { width: 390, height: 844 } });
  await load(phone, url, 'Allowed');
  await phone.locator(NOTICE).waitFor();
  const decision = await phone.locator(`${RESULT} .badge`).boundingBox();
  t.log(`phone: request 0's decision at y ${decision?.y} (height ${decision?.height})`);
  assert.ok(decision && decision.y + decision.height <= 844, `the decision is below the first screen: ${JSON.stringify(decision)}`);
  const phoneFold = phone.locator('.results [data-testid="show-all-problems"]');
  const before = await phone.locator('[data-testid="scenario-problem"]').count();
  await phoneFold.focus();
  await phone.keyboard.press('Enter');
  assert.ok(await phone.locator('[data-testid="scenario-problem"]').count() > before, 'the fold opens at 390 px');
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px at 390 px`);
  const button = await phone.locator('[data-testid="edit-anyway"]').boundingBox();
  assert.ok(button && button.x >= 0 && button.x + button.width <= 390, JSON.stringify(button));
  await t.screenshot(phone, 'hostile-link-390');
}
