// The docs widget as an author and a reader meet it: a documentation page on another
// origin includes `embed.js`, which turns two marked elements into sized iframes of the
// playground in embed mode; the reader edits one and the outcome changes; the host page
// gets height and result messages; the full playground's autosave on the playground's own
// origin is untouched. Also: phone width, read-only, forced and followed colour schemes,
// the keyboard, "Open in playground", an inline scenario, and host messages of the wrong
// shape being ignored.

import assert from 'node:assert/strict';
import path from 'node:path';
import { serveDir } from '../lib/static-server.mjs';
import { trackRequests } from '../lib/requests.mjs';

const AUTOSAVE = 'idpool-playground/autosave/v1';
const result = (decision) => `[data-testid="request-result"][data-decision="${decision}"]`;

/** A documentation page served from a second local port (another origin). */
async function hostPage(t, body) {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Docs</title><link rel="icon" href="data:,">
<style>body { font: 16px sans-serif; max-width: 720px; margin: 0 auto; }</style></head>
<body>
<h1>Identity pools, by example</h1>
${body}
<script>
  window.received = [];
  addEventListener('message', (event) => {
    if (event.data && event.data.source === 'idpool-embed') window.received.push(event.data);
  });
  window.events = [];
  document.addEventListener('idpool:result', (event) => window.events.push(event.detail));
</script>
<script src="${t.baseUrl}embed.js" defer></script>
</body></html>`;
  // The second server has nothing but the host page (the prefix keeps dist/ out of it).
  return serveDir(path.join(t.config.repoRoot, 'dist'), {
    prefix: '/nothing-here/',
    extra: { '/docs.html': { type: 'text/html; charset=utf-8', body: html } },
  });
}

async function widgetReady(frame) {
  await frame.locator('body[data-ready="true"]').waitFor({ state: 'attached', timeout: 15_000 });
}

async function editPolicy(locator, from, to) {
  const text = await locator.inputValue();
  assert.ok(text.includes(from), `the editor holds ${from}`);
  await locator.fill(text.replace(from, to));
}

export const timeoutMs = 90_000;

export const tests = {
  'a docs page on another origin embeds two widgets; edits, messages, autosave untouched': async (t) => {
    // The author's link for the second widget: Share in the playground, as a user does it.
    const author = await t.openApp('#example=access-own-s3-prefix');
    await author.getByRole('button', { name: 'Share' }).click();
    await author.waitForFunction(() => location.hash.startsWith('#s=1.'), null, { timeout: 2_000 });
    const shared = new URL(author.url()).hash.slice(1);

    const host = await hostPage(
      t,
      `<p>A guest reads a public picture:</p>
<div id="guest" data-idpool-embed="#embed=trust,result&example=guest-reads-public-picture"></div>
<p>Each user in their own folder:</p>
<div id="folders" data-idpool-embed="#embed=access,requests,result&${shared}"></div>`,
    );
    try {
      // A user's work in the full playground, autosaved on the playground's origin.
      const page = await t.newPage({ origins: [host.url] });
      await page.goto(t.baseUrl, { waitUntil: 'load' });
      await t.waitReady(page);
      const own = page.locator('textarea[data-policy-id="Guest:ReadPicture"]');
      await editPolicy(own, '"Allow"', '"Deny"');
      await page.waitForFunction((key) => Boolean(localStorage.getItem(key)), AUTOSAVE, { timeout: 5_000 });
      const saved = await page.evaluate((key) => localStorage.getItem(key), AUTOSAVE);

      // The same browser opens the docs page (same site, another origin): the widgets
      // could reach the playground's storage, and must not.
      const docs = await page.context().newPage();
      const wasm = trackRequests(docs, (url) => url.endsWith('.wasm'));
      await docs.goto(host.url.replace('/nothing-here/', '/docs.html'), { waitUntil: 'load' });
      assert.notEqual(new URL(docs.url()).origin, t.origin, 'the host page is on another origin');
      const guest = docs.frameLocator('iframe[data-idpool-id="guest"]');
      const folders = docs.frameLocator('iframe[data-idpool-id="folders"]');
      await widgetReady(guest);
      await widgetReady(folders);
      // The loader's frames are the widget page, which loads the widget's wasm, not the
      // full page's.
      const sources = await docs.evaluate(() => [...document.querySelectorAll('iframe')].map((f) => f.src));
      assert.ok(sources.every((src) => new URL(src).pathname === '/embed.html'), sources.join(' '));
      assert.ok(wasm.length >= 1 && wasm.every((url) => /\/idpool-embed-[0-9a-f]+_bg\.wasm$/.test(url)), wasm.join(' '));

      // Both render their decisions, showing only the parts the author named.
      await guest.locator(result('Allowed')).first().waitFor({ timeout: 5_000 });
      assert.equal(await guest.locator('[data-testid="embed"]').getAttribute('data-parts'), 'trust,result');
      assert.equal(await guest.locator('textarea[data-testid="policy-editor"]').count(), 1, 'only the trust policy');
      assert.equal(await guest.locator('[data-testid="policy-editor"][data-policy-id="Guest:trust"]').count(), 1);
      await folders.locator(result('ImplicitDeny')).first().waitFor({ timeout: 5_000 });
      assert.equal(await folders.locator(result('Allowed')).count(), 3);
      assert.equal(await folders.locator('[data-policy-id="Auth:trust"]').count(), 0, 'no trust policy in this one');

      // The reader breaks the trust policy: the outcome changes.
      await editPolicy(guest.locator('[data-policy-id="Guest:trust"]'), '"unauthenticated"', '"authenticated"');
      await guest
        .locator('[data-testid="signin-outcome"]:not([data-outcome="issued"])')
        .waitFor({ timeout: 5_000 });
      const outcome = await guest.locator('[data-testid="signin-outcome"]').getAttribute('data-outcome');
      t.log(`edited widget outcome: ${outcome}`);

      // The host got versioned height and result messages from both, with their ids.
      await docs.waitForFunction(
        (want) => window.received.some((m) => m.id === 'guest' && m.type === 'result' && m.outcome === want),
        outcome,
        { timeout: 5_000 },
      );
      const received = await docs.evaluate(() => window.received);
      for (const id of ['guest', 'folders']) {
        const mine = received.filter((m) => m.id === id);
        assert.ok(mine.every((m) => m.version === 1 && m.source === 'idpool-embed'), id);
        assert.ok(mine.some((m) => m.type === 'ready'), `${id} said ready`);
        assert.ok(mine.some((m) => m.type === 'height' && m.height > 100), `${id} posted its height`);
        assert.ok(mine.some((m) => m.type === 'result' && Array.isArray(m.decisions)), `${id} posted a result`);
      }
      const first = received.find((m) => m.id === 'guest' && m.type === 'result');
      assert.equal(first.outcome, 'issued');
      assert.match(first.role, /role\/Guest$/);
      assert.deepEqual(first.decisions.map((d) => d.decision), ['Allowed']);
      const folderResult = received.filter((m) => m.id === 'folders' && m.type === 'result').at(-1);
      assert.deepEqual(
        folderResult.decisions.map((d) => d.decision),
        ['Allowed', 'Allowed', 'Allowed', 'ImplicitDeny', 'ImplicitDeny', 'ImplicitDeny'],
      );
      // The loader also raised DOM events on the marked elements.
      assert.ok((await docs.evaluate(() => window.events.length)) >= 2);

      // The loader sized each frame to its content: no inner scroll bar.
      for (const id of ['guest', 'folders']) {
        const sizes = await docs.evaluate((id) => {
          const frame = document.querySelector(`iframe[data-idpool-id="${id}"]`);
          const inner = frame.contentDocument; // null: another origin
          return { frame: frame.getBoundingClientRect().height, inner: inner === null };
        }, id);
        const last = received.filter((m) => m.id === id && m.type === 'height').at(-1).height;
        t.log(`${id}: frame ${sizes.frame} px, last height message ${last} px`);
        assert.ok(sizes.inner, 'the widget is cross-origin to the host');
        assert.ok(Math.abs(sizes.frame - last) <= 1 || sizes.frame > 320, `${id} frame sized`);
      }
      const frameHeight = await docs.evaluate(() => document.querySelector('iframe[data-idpool-id="folders"]').style.height);
      assert.notEqual(frameHeight, '320px', 'the default height was replaced');
      await t.screenshot(docs, 'host page with two widgets', { fullPage: true });

      // The playground's own autosave on the first origin is untouched.
      assert.equal(await page.evaluate((key) => localStorage.getItem(key), AUTOSAVE), saved);
      await page.reload({ waitUntil: 'load' });
      await t.waitReady(page);
      await page.locator(`${result('ExplicitDeny')}[data-index="0"]`).waitFor({ state: 'attached', timeout: 5_000 });
    } finally {
      await host.close();
    }
  },

  'the host can send an inline scenario and a theme; other shapes are ignored': async (t) => {
    const scenario = JSON.stringify({
      name: 'Inline guest',
      identityPool: {
        IdentityPoolId: 'us-east-1:12345678-abcd-abcd-abcd-123456790ab',
        AllowUnauthenticatedIdentities: true,
      },
      identityPoolRoles: { Roles: { unauthenticated: 'arn:aws:iam::123456789012:role/Guest' } },
      roles: [
        {
          Arn: 'arn:aws:iam::123456789012:role/Guest',
          AssumeRolePolicyDocument: {
            Version: '2012-10-17',
            Statement: [{
              Effect: 'Allow',
              Principal: { Federated: 'cognito-identity.amazonaws.com' },
              Action: 'sts:AssumeRoleWithWebIdentity',
              Condition: {
                StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:12345678-abcd-abcd-abcd-123456790ab' },
                'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'unauthenticated' },
              },
            }],
          },
          Policies: [{
            PolicyName: 'NoRead',
            PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:GetObject', Resource: '*' }] },
          }],
        },
      ],
      signIn: { identity: 'unauthenticated' },
      requests: [{ action: 's3:GetObject', resource: 'arn:aws:s3:::mybucket/a.jpg' }],
    });
    const host = await hostPage(
      t,
      `<div id="inline" data-idpool-embed="" data-idpool-parts="result" data-idpool-readonly>
<script type="application/json">${scenario}</script></div>`,
    );
    try {
      const docs = await t.newPage({ origins: [host.url] });
      await docs.goto(host.url.replace('/nothing-here/', '/docs.html'), { waitUntil: 'load' });
      const frame = docs.frameLocator('iframe[data-idpool-id="inline"]');
      await widgetReady(frame);
      await frame.locator(result('ExplicitDeny')).waitFor({ timeout: 5_000 });
      assert.equal(await frame.locator('.embed-title').textContent(), 'Inline guest');

      // Wrong shapes first (an extra field, another version, a string): nothing changes.
      const post = (message) =>
        docs.evaluate(
          ([message, origin]) => document.querySelector('iframe[data-idpool-id="inline"]').contentWindow.postMessage(message, origin),
          [message, t.origin],
        );
      await post({ source: 'idpool-host', version: 1, type: 'theme', theme: 'dark', extra: true });
      await post({ source: 'idpool-host', version: 2, type: 'theme', theme: 'dark' });
      await post('{"source":"idpool-host","version":1,"type":"theme","theme":"dark"}');
      await post({ source: 'idpool-host', version: 1, type: 'scenario', scenario: '{}', also: 1 });
      await post({ source: 'idpool-host', version: 1, type: 'measure' });
      // `measure` answers, so the ones before it have been handled (messages are in order).
      await docs.waitForFunction(() => window.received.filter((m) => m.type === 'result').length >= 2, null, { timeout: 5_000 });
      assert.equal(await frame.locator('html').getAttribute('data-theme'), null);
      assert.equal(await frame.locator('.embed-title').textContent(), 'Inline guest');

      await post({ source: 'idpool-host', version: 1, type: 'theme', theme: 'dark' });
      await frame.locator('html[data-theme="dark"]').waitFor({ state: 'attached', timeout: 5_000 });
    } finally {
      await host.close();
    }
  },

  'at phone width, read-only: no overflow, no focus taken, the keyboard reaches everything': async (t) => {
    const page = await t.openApp('#embed=trust,access,signin,requests,result&readonly=1&example=access-own-s3-prefix', {
      viewport: { width: 360, height: 640 },
    });
    await page.locator(result('Allowed')).first().waitFor({ timeout: 5_000 });
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    t.log(`360 px frame: content ${widths.scroll} px wide`);
    assert.ok(widths.scroll <= 360, `no horizontal overflow (${widths.scroll} px)`);
    assert.equal(await page.evaluate(() => document.activeElement === document.body), true, 'no focus stolen');
    assert.equal(await page.locator('[role="dialog"], dialog').count(), 0);
    await t.screenshot(page, 'read-only embed at 360 px', { fullPage: true });

    // From the top, Tab reaches the "Open in playground" link first, then the editors.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'open-in-playground');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.policyId), 'Auth:trust');

    // Read-only: the editors take no typing, the forms are disabled.
    const trust = page.locator('[data-policy-id="Auth:trust"]');
    const before = await trust.inputValue();
    await trust.focus();
    await page.keyboard.type('xyz');
    await page.keyboard.press('Tab');
    assert.equal(await trust.inputValue(), before);
    assert.equal(await page.locator('[data-testid="format-policy"]').count(), 0);
    assert.ok(await page.locator('fieldset.embed-part[disabled]').count() >= 2);
  },

  'Open in playground carries the edited scenario to the full page in a new tab': async (t) => {
    const page = await t.openApp('#embed=access,result&example=guest-reads-public-picture&id=w1');
    const access = page.locator('[data-policy-id="Guest:ReadPicture"]');
    await editPolicy(access, '"Allow"', '"Deny"');
    await page.locator(result('ExplicitDeny')).waitFor({ timeout: 5_000 });
    const link = page.getByTestId('open-in-playground');
    assert.equal(await link.getAttribute('target'), '_blank');
    // The full page, next to the widget page: not `embed.html` again.
    assert.equal(new URL(await link.getAttribute('href')).pathname, '/');
    const [full] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
    await full.waitForLoadState('load');
    await t.waitReady(full);
    assert.ok(new URL(full.url()).hash.startsWith('#s=1.'), full.url());
    assert.equal(await full.locator('[data-testid="embed"]').count(), 0, 'the full page, not an embed');
    await full.locator(`${result('ExplicitDeny')}[data-index="0"]`).waitFor({ state: 'attached', timeout: 5_000 });
    assert.match(await full.locator('[data-policy-id="Guest:ReadPicture"]').inputValue(), /"Deny"/);
  },

  'the widget follows the browser colour scheme unless the link forces one': async (t) => {
    const background = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const dark = await t.openApp('#embed=result&example=guest-reads-public-picture', { colorScheme: 'dark' });
    const light = await t.openApp('#embed=result&example=guest-reads-public-picture', { colorScheme: 'light' });
    const forced = await t.openApp('#embed=result&theme=light&example=guest-reads-public-picture', { colorScheme: 'dark' });
    const [d, l, f] = [await background(dark), await background(light), await background(forced)];
    t.log(`dark ${d}, light ${l}, forced light in a dark browser ${f}`);
    assert.notEqual(d, l);
    assert.equal(f, l);
  },

  'the widget page: its own smaller wasm; a full-page embed link and a full link on it find their page': async (t) => {
    // An embed link written for the full page (before the widget page had its own file)
    // goes to the widget page before the full page's wasm is fetched.
    const page = await t.newPage();
    const wasm = trackRequests(page, (url) => url.endsWith('.wasm'));
    const started = Date.now();
    await page.goto(new URL('#embed=trust,result&example=guest-reads-public-picture&id=old', t.baseUrl).href, { waitUntil: 'load' });
    await t.waitReady(page);
    await page.locator(result('Allowed')).first().waitFor({ timeout: 5_000 });
    t.timing('a full-page embed link to its decision, through the widget page', Date.now() - started);
    const url = new URL(page.url());
    assert.equal(url.pathname, '/embed.html');
    assert.equal(url.hash, '#embed=trust,result&example=guest-reads-public-picture&id=old', 'the fragment is kept');
    assert.equal(await page.locator('[data-testid="embed"]').getAttribute('data-parts'), 'trust,result');
    assert.deepEqual(wasm.map((u) => new URL(u).pathname.replace(/-[0-9a-f]+_bg/, '-*_bg')), ['/idpool-embed-*_bg.wasm'],
      'only the widget wasm is fetched');

    // The widget page's wasm is its own, and smaller than the page's (whose parts below the
    // first decision load after it, from the second module).
    const sizes = await page.evaluate(async () => {
      const entries = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm'));
      return entries.map((e) => e.decodedBodySize);
    });
    const full = await t.openApp('#example=guest-reads-public-picture');
    const fullSize = await full.evaluate(() =>
      performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).map((e) => e.decodedBodySize)[0]);
    t.log(`wasm: widget page ${sizes[0]} B, full page ${fullSize} B (uncompressed)`);
    assert.ok(sizes[0] < fullSize, `${sizes[0]} B against ${fullSize} B`);

    // A full-page link opened on the widget page goes to the full page, fragment kept.
    const misplaced = await t.newPage();
    await misplaced.goto(new URL('embed.html#example=guest-reads-public-picture', t.baseUrl).href, { waitUntil: 'load' });
    await t.waitReady(misplaced);
    assert.equal(new URL(misplaced.url()).pathname, '/');
    assert.equal(new URL(misplaced.url()).hash, '#example=guest-reads-public-picture');
    assert.equal(await misplaced.locator('[data-testid="embed"]').count(), 0, 'the full page');
    await misplaced.locator('textarea[data-policy-id="Guest:ReadPicture"]').waitFor({ timeout: 5_000 });
  },
};
