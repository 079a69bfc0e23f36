// The Permissions panel as a user meets it: opening one of its tabs loads the panel's own
// module, the AWS action catalog and the lazily loaded API module that answers it (none of
// them is in the first load; a keyboard user's focus moves onto the loaded panel's tab),
// the explorer counts what the seed's guest may do in both flows, and a change that
// broadens the guest policy shows in the Changes view and as a coach finding whose
// one-click fix restores the tighter policy.

import assert from 'node:assert/strict';
import { trackRequests } from '../lib/requests.mjs';

export const timeoutMs = 180_000;

const EDITOR = 'textarea[data-testid="policy-editor"][data-policy-id="Guest:ReadPicture"]';
const TOTALS = '[data-testid="explorer-totals"]';

// The criterion bench's role policy (crates/identity-pool/benches/effective.rs).
const TEN_SERVICES = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Own', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:List*'],
      Resource: ['arn:aws:s3:::photos/${cognito-identity.amazonaws.com:sub}/*', 'arn:aws:s3:::photos'] },
    { Sid: 'Items', Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem'],
      Resource: 'arn:aws:dynamodb:us-east-1:123456789012:table/Notes',
      Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['${cognito-identity.amazonaws.com:sub}'] } } },
    { Sid: 'Invoke', Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:thumb' },
    { Sid: 'Queue', Effect: 'Allow', Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:us-east-1:123456789012:uploads' },
    { Sid: 'Topic', Effect: 'Allow', Action: 'sns:Publish', Resource: 'arn:aws:sns:us-east-1:123456789012:events' },
    { Sid: 'Stream', Effect: 'Allow', Action: 'kinesis:PutRecord', Resource: 'arn:aws:kinesis:us-east-1:123456789012:stream/clicks' },
    { Sid: 'Describe', Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' },
    { Sid: 'Logs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: 'arn:aws:logs:us-east-1:123456789012:log-group:/app:*' },
    { Sid: 'Metrics', Effect: 'Allow', Action: 'cloudwatch:PutMetricData', Resource: '*' },
    { Sid: 'NoIam', Effect: 'Deny', Action: 'iam:*', Resource: '*' },
  ],
}, null, 2);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** Whether `page` fetched the second module (the Permissions panel's, which also draws the
 * pool column right after the first decision, before a spec can track requests). */
const fetchedSecondModule = (page) => page.evaluate(() => performance.getEntriesByType('resource')
  .some((entry) => /idpool-review-[0-9a-f]+_bg\.wasm$/.test(entry.name)));

/** Opens the app and the Permissions panel's `tab`; resolves once the catalog is loaded. */
async function openWithCatalog(t, tab = 'tab-explorer', hash = '') {
  const page = await t.openApp(hash);
  const requests = trackRequests(page);
  await page.locator('[data-testid="review"] [data-testid="catalog-status"][data-state="waiting"]').waitFor();
  const started = performance.now();
  await page.locator(`[data-testid="${tab}"]`).click();
  await page.locator('[data-testid="review"][data-catalog="loaded"]').waitFor({ timeout: 30_000 });
  t.timing('tab opened to catalog and review module loaded', performance.now() - started);
  assert.ok(requests.some((url) => /idpool-api-[0-9a-f]+_bg\.wasm$/.test(url)), 'the API module was fetched');
  assert.ok(await fetchedSecondModule(page), 'the panel\'s module was fetched');
  assert.ok(requests.some((url) => url.endsWith('/catalog.tsv')), 'the catalog was fetched');
  return { page, requests };
}

export const tests = {
  'the explorer counts the seed guest in both flows': async (t) => {
    const { page } = await openWithCatalog(t);
    const totals = page.locator(TOTALS);
    // Enhanced flow: the role's S3 plus the scope-down's 32 services, one action allowed.
    await page.locator(`${TOTALS}[data-total="2830"]`).waitFor();
    t.timing(
      'explorer first full computation (2,830 decisions)',
      Number(await page.locator('[data-testid="explorer"]').getAttribute('data-ms')),
    );
    assert.equal(await totals.getAttribute('data-allowed'), '1');
    assert.equal(await totals.getAttribute('data-role-allowed'), '1');
    assert.equal(await page.locator('[data-testid="explorer-service"]').count(), 33);
    const s3 = page.locator('[data-testid="explorer-service"][data-prefix="s3"]');
    assert.equal(await s3.getAttribute('data-allowed'), '1');
    await s3.locator('button.service-toggle').click();
    const getObject = s3.locator('[data-testid="explorer-row"][data-action="s3:GetObject"]');
    assert.equal(await getObject.getAttribute('data-outcome'), 'allowed');
    assert.equal(
      await s3.locator('[data-testid="explorer-row"][data-action="s3:PutObject"]').getAttribute('data-outcome'),
      'denied',
    );
    await t.screenshot(page, 'explorer-enhanced');

    // One click adds the cell as a listed request, whose full explanation is in Results.
    await getObject.locator('button').click();
    await page.locator('[data-testid="request-result"][data-index="1"][data-decision="Allowed"]').waitFor();

    // The same guest in the basic flow: no scope-down, so only the role's service is in play.
    await page.locator('[data-testid="explorer-basic"]').check();
    await page.locator('[data-testid="explorer"][data-flow="basic"]').waitFor();
    await page.locator(`${TOTALS}[data-total="180"]`).waitFor();
    assert.equal(await totals.getAttribute('data-allowed'), '1');
    assert.equal(await page.locator('[data-testid="explorer-service"]').count(), 1);
    await page.locator('[data-testid="explorer-basic"]').uncheck();
    await page.locator(`${TOTALS}[data-total="2830"]`).waitFor();

    // Recompute time after an edit, read from the page (median of 11 edits; printed).
    const editor = page.locator(EDITOR);
    const original = await editor.inputValue();
    const times = [];
    for (let i = 0; i < 11; i++) {
      const before = await page.locator('[data-testid="explorer"]').getAttribute('data-run');
      await editor.fill(original.replace('my_picture.jpg', `my_picture${i}.jpg`));
      await page.waitForFunction(
        (b) => document.querySelector('[data-testid="explorer"]')?.getAttribute('data-run') !== b,
        before,
      );
      times.push(Number(await page.locator('[data-testid="explorer"]').getAttribute('data-ms')));
    }
    t.timing('explorer recompute after an edit, median of 11 (2,830 decisions)', median(times));

    // The case: a role whose policy names 10 services, plus the scope-down's.
    await editor.fill(TEN_SERVICES);
    await page.waitForFunction(
      (sel) => Number(document.querySelector(sel)?.getAttribute('data-total')) > 2830,
      TOTALS,
    );
    const total = await totals.getAttribute('data-total');
    const tenTimes = [];
    for (let i = 0; i < 11; i++) {
      const before = await page.locator('[data-testid="explorer"]').getAttribute('data-run');
      await editor.fill(TEN_SERVICES.replace('function:thumb', `function:thumb${i}`));
      await page.waitForFunction(
        (b) => document.querySelector('[data-testid="explorer"]')?.getAttribute('data-run') !== b,
        before,
      );
      tenTimes.push(Number(await page.locator('[data-testid="explorer"]').getAttribute('data-ms')));
    }
    t.timing(`explorer recompute, 10 role services + scope-down, median of 11 (${total} decisions)`, median(tenTimes));
  },

  'a tab opened from the keyboard loads the panel and keeps the focus on that tab': async (t) => {
    const page = await t.openApp();
    const requests = trackRequests(page);
    const coach = page.locator('[data-testid="tab-coach"]');
    await page.locator('[data-testid="review"] [data-testid="catalog-status"][data-state="waiting"]').waitFor();
    await coach.focus();
    await page.keyboard.press('Enter');
    // The stand-in says what is loading, on the tab just opened.
    await page.locator('[data-testid="tab-coach"][aria-selected="true"]').waitFor();
    await page.locator('[data-testid="review"][data-catalog="loaded"]').waitFor({ timeout: 30_000 });
    // The panel's module came after the first decision, with the pool column; the tab
    // loaded the catalog.
    assert.ok(requests.some((url) => url.endsWith('/catalog.tsv')), 'the catalog was fetched');
    assert.equal(await page.locator('[data-testid="review"]').count(), 1, 'one panel: the stand-in is gone');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'tab-coach');
    assert.equal(await coach.getAttribute('aria-selected'), 'true');
    // The loaded panel answers the keyboard as the stand-in did.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="tab-changes"][aria-selected="true"][data-count="0"]').waitFor({ timeout: 30_000 });
  },

  'an edit is counted on the Changes tab without opening the panel': async (t) => {
    const page = await t.openApp();
    const requests = trackRequests(page);
    const changesTab = page.locator('[data-testid="tab-changes"]');
    // Nothing edited: neither the API module nor the catalog is loaded. The second module
    // is (it draws the pool column), but its Permissions panel is not mounted.
    await page.waitForTimeout(1_500);
    assert.ok(await fetchedSecondModule(page), 'the second module was fetched');
    assert.deepEqual(requests.filter((url) => /idpool-api-|catalog\.tsv/.test(url)), []);
    assert.equal(await page.locator('[data-testid="review"][data-catalog="pending"]').count(), 1);

    // The guest may now put the picture instead of reading it.
    const editor = page.locator(EDITOR);
    const original = await editor.inputValue();
    await editor.fill(original.replace('"s3:GetObject"', '"s3:PutObject"'));
    await page.locator('[data-testid="request-result"][data-index="0"][data-decision="ImplicitDeny"]').waitFor({ state: 'attached' });

    // Once typing stops, the comparison over every AWS action and identity is made in the
    // background and counted on the tab.
    const started = performance.now();
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="tab-changes"]')?.getAttribute('data-count')) > 0, null, { timeout: 30_000 });
    t.timing('edit to the change count, loading module and catalog in the background', performance.now() - started);
    const full = Number(await changesTab.getAttribute('data-count'));
    // s3:GetObject newly denied and s3:PutObject newly allowed, for this guest at least,
    // plus the listed request.
    assert.ok(full >= 3, `count ${full}`);
    assert.equal(await changesTab.textContent(), `Changes (${full})`);
    assert.ok(requests.some((url) => url.endsWith('/catalog.tsv')), 'the catalog was fetched');
    assert.ok(requests.some((url) => /idpool-api-[0-9a-f]+-worker\.js$/.test(url)), 'compared in the module\'s worker');
    assert.ok(await fetchedSecondModule(page), 'the panel\'s module was loaded');
    // The panel stayed as it was: no tab opened, its invitation unchanged.
    for (const tab of ['tab-explorer', 'tab-changes', 'tab-coach']) {
      assert.equal(await page.locator(`[data-testid="${tab}"]`).getAttribute('aria-selected'), 'false');
    }
    assert.match(await page.locator('[data-testid="review"] [data-testid="catalog-status"]').textContent(), /^Open a tab/);
    await t.screenshot(page, 'changes-count-unopened');

    // Opening the tab shows what was counted.
    await changesTab.click();
    await page.locator('[data-testid="change-action"][data-action="s3:PutObject"][data-direction="allowed"]').first().waitFor();
    await page.locator('[data-testid="change-request"][data-index="0"][data-before="Allowed"]').first().waitFor();
  },

  'with the worker blocked, the page compares on its own thread and still counts': async (t) => {
    const page = await t.openApp('', { allowConsoleErrors: [/worker|net::ERR/i] });
    const blocked = [];
    await page.context().route(/-worker\.js$/, (route) => {
      blocked.push(route.request().url());
      return route.abort('failed');
    });
    const editor = page.locator(EDITOR);
    const original = await editor.inputValue();
    await editor.fill(original.replace('"s3:GetObject"', '"s3:PutObject"'));
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="tab-changes"]')?.getAttribute('data-count')) > 0, null, { timeout: 30_000 });
    assert.equal(blocked.length, 1, 'the worker was tried once');
    await page.locator('[data-testid="tab-changes"]').click();
    await page.locator('[data-testid="change-action"][data-action="s3:PutObject"][data-direction="allowed"]').first().waitFor();
    t.timing(
      'comparison on the page thread, worker blocked (in-page)',
      Number(await page.locator('[data-testid="changes"]').getAttribute('data-ms')),
    );
    // The count still follows the next edit, and the coach answers too.
    await editor.fill(original);
    await page.locator('[data-testid="tab-changes"][data-count="0"]').waitFor();
    await page.locator('[data-testid="tab-coach"]').click();
    await page.locator('[data-testid="tab-coach"]:not([data-count="…"])').waitFor();
    assert.equal(blocked.length, 1, 'not tried again');
  },

  'a second module that cannot be fetched: the pool column, the tab, Share and the dialogs say so, and Try again loads it': async (t) => {
    // Blocked from the start: the module also draws the pool column, right after the first
    // decision.
    const page = await t.newPage({ allowConsoleErrors: [/idpool-review|Failed to fetch|net::ERR/i] });
    let blocking = true;
    const blocked = [];
    await page.context().route(/idpool-review-[0-9a-f]+(\.js|_bg\.wasm)$/, (route) => {
      if (!blocking) return route.continue();
      blocked.push(route.request().url());
      return route.abort('failed');
    });
    await page.goto(t.baseUrl, { waitUntil: 'load' });
    await t.waitReady(page);
    const poolStatus = page.locator('[data-testid="pool-status"][data-state="failed"]');
    await poolStatus.waitFor({ timeout: 30_000 });
    assert.match(await poolStatus.textContent(), /^The pool's settings could not be loaded \(.+\); check the connection and try again Try again$/);
    // Share and the dialogs come from the same module: each says why it cannot work.
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await page.locator('[data-testid="notice"]', { hasText: /^the share link could not be made: its encoder could not be loaded \(.+\); check the connection and try again/ }).waitFor();
    await page.getByRole('button', { name: 'Keyboard shortcuts and help' }).click();
    const pending = page.locator('[data-testid="overlay-pending"] [data-state="failed"]');
    await pending.waitFor({ timeout: 30_000 });
    assert.match(await pending.textContent(), /^The dialog could not be loaded \(.+\); check the connection and try again Try again$/);
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="overlay-pending"]').waitFor({ state: 'detached' });
    await page.locator('[data-testid="tab-explorer"]').click();
    const status = page.locator('[data-testid="review"] [data-testid="catalog-status"][data-state="failed"]');
    await status.waitFor({ timeout: 30_000 });
    assert.match(await status.textContent(), /^The Permissions panel could not be loaded \(.+\); check the connection and try again Try again$/);
    assert.ok(blocked.length >= 1, 'the module was asked for');
    // The middle column says so too; the rest of the page works meanwhile: an edit of a
    // request still changes its decision.
    const editStatus = page.locator('[data-testid="edit-status"][data-state="failed"]');
    await editStatus.waitFor();
    assert.match(await editStatus.textContent(), /^The roles and the sign-in could not be loaded \(.+\); check the connection and try again Try again$/);
    await page.getByLabel('Action of request 1').fill('s3:PutObject');
    await page.locator('[data-testid="request-result"][data-index="0"][data-decision="ImplicitDeny"]').waitFor({ state: 'attached' });
    await t.screenshot(page, 'review-module-failed');
    blocking = false;
    await page.locator('[data-testid="catalog-retry"]').click();
    await page.locator('[data-testid="review"][data-catalog="loaded"]').waitFor({ timeout: 30_000 });
    await page.locator(`${TOTALS}`).waitFor();
    assert.equal(await page.locator('[data-testid="tab-explorer"]').getAttribute('aria-selected'), 'true');
    // The columns' own Try again draws them, and their edits reach the page.
    await page.locator('[data-testid="edit-retry"]').click();
    const editor = page.locator(EDITOR);
    await editor.waitFor();
    const original = await editor.inputValue();
    await editor.fill(original.replace('"s3:GetObject"', '"s3:PutObject"'));
    await page.locator('[data-testid="request-result"][data-index="0"][data-decision="Allowed"]').waitFor({ state: 'attached' });
    await page.locator('[data-testid="pool-retry"]').click();
    const guests = page.getByLabel('Guest access (unauthenticated identities)');
    await guests.waitFor();
    assert.equal(await page.locator('[data-testid="pool-status"]').count(), 0);
    await guests.uncheck();
    await page.locator('[data-testid="signin-outcome"]:not([data-outcome="issued"])').waitFor({ timeout: 5_000 });
    // A dialog opened again tries the module again; Share now makes its link.
    await page.getByRole('button', { name: 'Keyboard shortcuts and help' }).click();
    await page.locator('[data-testid="help-overlay"]').waitFor();
    assert.equal(await page.locator('[data-testid="overlay-pending"]').count(), 0);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await page.locator('[data-testid="notice"]', { hasText: /^share link ready/ }).waitFor();
    assert.match(new URL(page.url()).hash, /^#s=1\./);
  },

  'a broadened guest policy shows in Changes and the coach fix restores it': async (t) => {
    const { page } = await openWithCatalog(t, 'tab-changes');
    const changesTab = page.locator('[data-testid="tab-changes"]');
    await page.locator('[data-testid="tab-changes"][data-count="0"]').waitFor();
    const editor = page.locator(EDITOR);
    const original = await editor.inputValue();
    assert.doesNotMatch(original, /s3:PutObject/);
    await editor.fill(original.replace('"s3:GetObject"', '"s3:GetObject", "s3:PutObject"'));

    // The tab counts the change before it is opened.
    await page.waitForFunction(() => {
      const n = Number(document.querySelector('[data-testid="tab-changes"]')?.getAttribute('data-count'));
      return n > 0;
    });
    await changesTab.click();
    const put = page.locator(
      '[data-testid="change-action"][data-action="s3:PutObject"][data-direction="allowed"][data-identity="current"]',
    );
    await put.waitFor();
    assert.equal(await page.locator('[data-testid="changes"]').getAttribute('data-grants-new'), 'true');
    // The worker decided the baseline's side before the edit (issue 15): this first
    // comparison after it decides only the edited side.
    t.timing(
      'first comparison after an edit, every identity, baseline side kept in advance (in-page)',
      Number(await page.locator('[data-testid="changes"]').getAttribute('data-ms')),
    );
    assert.match(await page.locator('[data-testid="changes-baseline"]').textContent(), /guest-reads-public-picture|as opened/);
    await t.screenshot(page, 'changes');

    // A second edit against the same baseline: the module kept the baseline's side from the
    // comparison before, so only the edited side is decided (issue 15).
    const broadened = await editor.inputValue();
    await editor.fill(broadened.replace('"s3:PutObject"', '"s3:PutObject", "s3:DeleteObject"'));
    const deleted = page.locator(
      '[data-testid="change-action"][data-action="s3:DeleteObject"][data-direction="allowed"][data-identity="current"]',
    );
    await deleted.first().waitFor();
    t.timing(
      'comparison after a second edit, the baseline side kept (in-page)',
      Number(await page.locator('[data-testid="changes"]').getAttribute('data-ms')),
    );
    // Back to the first edit: its comparison again, without the second edit's change.
    await editor.fill(broadened);
    await deleted.first().waitFor({ state: 'detached' });
    await put.first().waitFor();

    // The coach names the write granted to guests and offers the tighter policy.
    await page.locator('[data-testid="tab-coach"]').click();
    const finding = page.locator('[data-testid="coach-finding"][data-code="coach::guest_write_access"]');
    await finding.waitFor();
    assert.equal(await finding.getAttribute('data-policy'), 'Guest:ReadPicture');
    await finding.locator('[data-testid="fix-preview-toggle"]').click();
    const after = await finding.locator('[data-testid="fix-after"]').textContent();
    assert.match(after, /s3:GetObject/);
    assert.doesNotMatch(after, /s3:PutObject/);
    await t.screenshot(page, 'coach-fix-preview');
    await finding.locator('[data-testid="fix-apply"]').click();

    // Applied: the editor holds the tighter policy, and nothing is left to review.
    await page.waitForFunction(
      (sel) => !document.querySelector(sel)?.value.includes('s3:PutObject'),
      EDITOR,
    );
    await page.locator('[data-testid="tab-changes"][data-count="0"]').waitFor();
    await page.locator('[data-testid="request-result"][data-index="0"][data-decision="Allowed"]').waitFor();
    await changesTab.click();
    assert.match(await page.locator('[data-testid="changes-headline"]').textContent(), /No change/);
  },

  'a dismissed finding stays listed and pinning moves the baseline': async (t) => {
    const { page } = await openWithCatalog(t, 'tab-coach', '#example=scope-down-guest-enhanced');
    const finding = page.locator('[data-testid="coach-finding"][data-code="coach::guest_above_scope_down"]');
    await finding.waitFor();
    await finding.locator('[data-testid="finding-dismiss"]').click();
    await page.locator('[data-testid="coach-finding"][data-code="coach::guest_above_scope_down"][data-dismissed="true"]').waitFor();
    await page.locator('[data-testid="tab-coach"][data-count="0"]').waitFor();
    // The dismissal is an edit of the scenario; pinning makes it the baseline.
    await page.locator('[data-testid="tab-changes"]').click();
    await page.locator('[data-testid="changes-pin"]').click();
    await page.locator('[data-testid="changes-baseline"]', { hasText: 'snapshot 1' }).waitFor();
    await page.locator('[data-testid="tab-changes"][data-count="0"]').waitFor();
  },
};
