// Security: the page carries a Content-Security-Policy that allows only its own scripts
// and wasm; using the page (load, edit, format, switch examples, share, import, help)
// triggers no violation; the policy really blocks injected inline script and style; hostile user
// text is shown as text, never as markup; a page wasm that is not the one built (its
// Subresource Integrity hash differs) is refused, never run. (Requests outside the origin fail every test
// through the harness.)

import assert from 'node:assert/strict';

const EDITOR = 'textarea[data-testid="policy-editor"][data-policy-id="Guest:ReadPicture"]';
const first = (decision) => `[data-testid="request-result"][data-index="0"][data-decision="${decision}"]`;
const HOSTILE = `<img src=x onerror="window.__pwned='img'"><script>window.__pwned='script'</script>`;

/** Records `securitypolicyviolation` events from before the first script of the page. */
async function watchViolations(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__violations.push(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'}`);
    });
  });
}

const violations = (page) => page.evaluate(() => window.__violations);

async function cspOf(page) {
  return page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
}

/** The widget page, as a documentation page's iframe opens it. */
const WIDGET = 'embed.html#embed=result&example=guest-reads-public-picture';

/** Workshop mode's page, as a learner's link opens it. */
const WORKSHOP = 'workshop.html#workshop=iam-roles';

/** Checks the policy of `page`, one of the two pages. */
async function strictPolicy(t, page) {
  const csp = await cspOf(page);
  t.log(`CSP of ${new URL(page.url()).pathname}: ${csp}`);
  const directives = Object.fromEntries(
    csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]),
  );
  assert.deepEqual(directives['default-src'], ["'none'"]);
  assert.deepEqual(directives['base-uri'], ["'none'"]);
  assert.deepEqual(directives['form-action'], ["'none'"]);
  // The style sheets are inlined as <style> elements, each allowed by its hash.
  const style = directives['style-src'];
  assert.ok(style.includes("'self'"), `style-src: ${style}`);
  for (const source of style) {
    assert.match(source, /^('self'|'sha256-[A-Za-z0-9+/]+={0,2}')$/, `style-src allows ${source}`);
  }
  assert.equal(style.length - 1, await page.locator('head style').count(), `one hash per style element: ${style}`);
  assert.deepEqual(directives['connect-src'], ["'self'"]);
  assert.deepEqual(directives['img-src'], ["'self'"]);
  const script = directives['script-src'];
  assert.ok(script.includes("'self'") && script.includes("'wasm-unsafe-eval'"), `script-src: ${script}`);
  for (const source of script) {
    assert.match(source, /^('self'|'wasm-unsafe-eval'|'sha256-[A-Za-z0-9+/]+={0,2}')$/, `script-src allows ${source}`);
  }
  // The meta comes before every script, else it would not govern them.
  const order = await page.evaluate(() => {
    const all = [...document.head.children];
    const meta = all.findIndex((e) => e.matches('meta[http-equiv="Content-Security-Policy"]'));
    const script = all.findIndex((e) => e.tagName === 'SCRIPT');
    return { meta, script };
  });
  assert.ok(order.meta >= 0 && order.meta < order.script, JSON.stringify(order));
}

export const tests = {
  'the page, the widget page and the workshop page declare a strict Content-Security-Policy': async (t) => {
    for (const link of ['', WIDGET, WORKSHOP]) {
      await strictPolicy(t, await t.openApp(link));
    }
  },

  'loading and using the page violates nothing': async (t) => {
    const page = await t.newPage();
    await watchViolations(page);
    await page.goto(t.baseUrl, { waitUntil: 'load' });
    await t.waitReady(page);
    // Edit a policy and see the decision change.
    const editor = page.locator(EDITOR);
    await editor.fill((await editor.inputValue()).replace('"Allow"', '"Deny"'));
    await page.locator(first('ExplicitDeny')).waitFor({ state: 'attached', timeout: 5_000 });
    // Break it (diagnostics, underline, hover title), then format after repairing.
    await editor.fill('{"Version": "2012-10-17", "Statement": [');
    await page.locator('[data-testid="diagnostic"]').first().waitFor({ state: 'attached', timeout: 5_000 });
    await editor.fill('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}');
    await page.locator('[data-testid="format-policy"]').first().click();
    // Switch examples, share, open help and the import dialog.
    const picker = page.locator('[data-testid="example-picker"]');
    const ids = await picker.locator('option').evaluateAll((options) => options.map((o) => o.value).filter(Boolean));
    for (const id of ids.slice(0, 5)) {
      const before = Number(await page.locator('[data-testid="results"]').getAttribute('data-evaluations'));
      await picker.selectOption(id);
      await page.waitForFunction(
        (n) => Number(document.querySelector('[data-testid="results"]').dataset.evaluations) > n,
        before,
        { timeout: 5_000 },
      );
    }
    await page.getByRole('button', { name: 'Share' }).click();
    await page.waitForFunction(() => location.hash.startsWith('#s=1.'), null, { timeout: 2_000 });
    await page.getByRole('button', { name: 'Keyboard shortcuts and help' }).click();
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.locator('[data-testid="import-text"]').waitFor();
    // A fresh page from the share link, with the same watch.
    const link = new URL(page.url());
    const shared = await t.newPage();
    await watchViolations(shared);
    await shared.goto(link.href, { waitUntil: 'load' });
    await t.waitReady(shared);
    assert.deepEqual(await violations(page), [], 'violations while using the page');
    assert.deepEqual(await violations(shared), [], 'violations while opening a share link');
  },

  'the policy blocks injected inline script': async (t) => {
    // The browser reports the blocked script as a console error: expected here, and only here.
    const page = await t.newPage({ allowConsoleErrors: [/Content Security Policy/] });
    await watchViolations(page);
    await page.goto(t.baseUrl, { waitUntil: 'load' });
    await t.waitReady(page);
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.body.append(script);
    });
    await page.waitForFunction(() => window.__violations.length > 0, null, { timeout: 2_000 });
    assert.equal(await page.evaluate(() => window.__injected), undefined);
    assert.match((await violations(page))[0], /^script-src/);
  },

  'the policy blocks an injected style element': async (t) => {
    const page = await t.newPage({ allowConsoleErrors: [/Content Security Policy/] });
    await watchViolations(page);
    await page.goto(t.baseUrl, { waitUntil: 'load' });
    await t.waitReady(page);
    const results = page.locator('[data-testid="results"]');
    const before = await results.evaluate((el) => getComputedStyle(el).visibility);
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = '[data-testid="results"] { visibility: hidden !important; }';
      document.head.append(style);
    });
    await page.waitForFunction(() => window.__violations.length > 0, null, { timeout: 2_000 });
    assert.match((await violations(page))[0], /^style-src/);
    assert.equal(await results.evaluate((el) => getComputedStyle(el).visibility), before);
    assert.equal(before, 'visible');
  },

  'hostile names, descriptions and policy text stay text': async (t) => {
    const page = await t.newPage();
    await watchViolations(page);
    await page.goto(t.baseUrl, { waitUntil: 'load' });
    await t.waitReady(page);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 5_000 }),
      page.getByRole('button', { name: 'Export' }).click(),
    ]);
    let text = '';
    for await (const chunk of await download.createReadStream()) text += chunk;
    const doc = JSON.parse(text);
    doc.name = `Name ${HOSTILE}`;
    doc.description = `Description ${HOSTILE}`;
    const policy = doc.roles[0].Policies[0].PolicyDocument;
    policy.Statement[0].Sid = 'Sid';
    policy.Statement.push({ Sid: 'Hostile', Effect: 'Deny', Action: 's3:GetObject', Resource: `arn:aws:s3:::${HOSTILE}` });
    doc.requests.push({ action: 's3:GetObject', resource: `arn:aws:s3:::${HOSTILE}`, context: {} });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.locator('[data-testid="import-text"]').fill(JSON.stringify(doc));
    await page.locator('[data-testid="import-apply"]').click();
    await page
      .locator('[data-testid="request-result"][data-index="1"][data-decision="ExplicitDeny"]')
      .waitFor({ state: 'attached', timeout: 5_000 });
    await page.locator('details.description summary').click();
    const shown = await page.locator('.description').textContent();
    assert.ok(shown.includes(HOSTILE), `the description shows the markup as text: ${shown}`);
    const result = await page.locator('[data-testid="request-result"][data-index="1"]').textContent();
    assert.ok(result.includes('<img src=x'), `the request shows its resource as text: ${result}`);
    assert.match(await page.locator(EDITOR).inputValue(), /<script>/);
    assert.equal(await page.locator('.app img, .app script').count(), 0, 'no element was made from user text');
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(await violations(page), []);
  },
  // The early compile fetches the wasm with Trunk's SRI hash (crates/xtask/src/early_wasm.rs):
  // a changed file (a tampering host or proxy) fails the fetch, and the page never runs it.
  'a page wasm other than the one built is refused, on each of the three pages': async (t) => {
    await refusesChangedWasm(t, '', /\/playground-[0-9a-f]+_bg\.wasm$/);
    await refusesChangedWasm(t, WIDGET, /\/idpool-embed-[0-9a-f]+_bg\.wasm$/);
    await refusesChangedWasm(t, WORKSHOP, /\/idpool-learner-[0-9a-f]+_bg\.wasm$/);
  },
};

/** Serves `link`'s page with one byte of the wasm matching `pattern` changed. */
async function refusesChangedWasm(t, link, pattern) {
  const page = await t.newPage({
    allowConsoleErrors: [/integrity/i, /Failed to fetch/],
    // The loader's own promise rejects: the page stops there.
    allowPageErrors: [/^TypeError: Failed to fetch$/],
  });
  const wasm = [];
  await page.route(pattern, async (route) => {
    const response = await route.fetch();
    const body = Buffer.from(await response.body());
    // One byte of the last (data) section changed: still a valid module, not the built one.
    body[body.length - 1] ^= 1;
    wasm.push(route.request().url());
    await route.fulfill({ response, body });
  });
  const errors = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(new URL(link, t.baseUrl).href, { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelector('script[type="module"]') !== null);
  await page.waitForTimeout(1_000);
  assert.ok(wasm.length >= 1, 'the wasm was fetched');
  assert.equal(await page.locator('[data-testid="request-result"]').count(), 0, 'the changed wasm did not run');
  assert.ok(errors.some((text) => /integrity/i.test(text)), `the console names the integrity check: ${errors.join(' | ')}`);
}
