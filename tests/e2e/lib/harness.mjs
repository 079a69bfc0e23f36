// The e2e harness: launches Debian's Chromium through playwright-core, gives every
// test a fresh browser context whose pages are watched for console errors, uncaught
// exceptions and requests outside the page's origin, and collects screenshots and
// timings. Specs only see the `TestContext` API below.

import { chromium } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

/** Flags used when xtask does not pass E2E_CHROMIUM_ARGS (xtask's list is the reference). */
const FALLBACK_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic',
];

/** How long `openApp` waits for `body[data-ready="true"]`. */
const READY_TIMEOUT_MS = 15_000;

/** Settings from the environment xtask provides. */
export function settings() {
  const baseUrl = process.env.E2E_BASE_URL;
  if (!baseUrl) {
    throw new Error('E2E_BASE_URL is not set: run the suite with `cargo xtask test e2e`');
  }
  const repoRoot = process.env.E2E_REPO_ROOT ?? path.resolve(import.meta.dirname, '../../..');
  return {
    baseUrl,
    repoRoot,
    artifacts: process.env.E2E_ARTIFACTS ?? path.join(repoRoot, 'tests/e2e/artifacts'),
    chromium: process.env.E2E_CHROMIUM ?? '/usr/bin/chromium',
    args: process.env.E2E_CHROMIUM_ARGS ? JSON.parse(process.env.E2E_CHROMIUM_ARGS) : FALLBACK_ARGS,
  };
}

/** Starts headless Chromium. Playwright gives it a fresh temporary profile. */
export async function launchBrowser(config) {
  return chromium.launch({
    executablePath: config.chromium,
    headless: true,
    args: config.args,
    timeout: 30_000,
  });
}

/** What one test sees: `t` in a spec. */
export class TestContext {
  constructor({ browser, config, name, slug }) {
    this.browser = browser;
    this.config = config;
    this.name = name;
    this.slug = slug;
    /** The page's origin URL, e.g. `http://127.0.0.1:40123/`. */
    this.baseUrl = config.baseUrl;
    this.origin = new URL(config.baseUrl).origin;
    /** Problems seen on any page: console errors, page errors, foreign requests. */
    this.problems = [];
    /** `{ label, ms }` recorded with `timing`. */
    this.timings = [];
    this.screenshots = [];
    this.allowed = [];
    this.allowedPageErrors = [];
    this.contexts = [];
  }

  /**
   * A new page in a new browser context (fresh storage), watched for problems.
   * `options.allowConsoleErrors` lists regexes of console errors a test expects,
   * `options.allowPageErrors` those of uncaught page errors (a test that breaks the page);
   * `options.origins` lists more origins the page may load from (a spec's own server);
   * other options go to `browser.newContext` (e.g. `viewport`, `colorScheme`).
   */
  async newPage(options = {}) {
    const { allowConsoleErrors = [], allowPageErrors = [], origins = [], ...contextOptions } = options;
    this.allowed.push(...allowConsoleErrors);
    this.allowedPageErrors.push(...allowPageErrors);
    const context = await this.browser.newContext(contextOptions);
    this.contexts.push(context);
    await this.#guard(context, [this.origin, ...origins.map((o) => new URL(o).origin)]);
    const page = await context.newPage();
    // E2E_THROTTLE=5 slows the page's CPU fivefold (off in CI): races between a keystroke
    // and the page's answer, which a loaded CI machine hits once in many runs, then show
    // in a few local runs.
    const throttle = Number(process.env.E2E_THROTTLE ?? 1);
    if (throttle > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    }
    return page;
  }

  /** Opens the app at `hash` (e.g. `#s=...`) and waits until it says it is ready. */
  async openApp(hash = '', options = {}) {
    const page = await this.newPage(options);
    await page.goto(new URL(hash, this.baseUrl).href, { waitUntil: 'load' });
    await this.waitReady(page);
    return page;
  }

  /** Waits for `body[data-ready="true"]` (wasm loaded and the first report rendered) and
   * for the columns the second module draws. */
  async waitReady(page) {
    await page.locator('body[data-ready="true"]').waitFor({ state: 'attached', timeout: READY_TIMEOUT_MS });
    // The pool column and the middle column come from the second module, right after the
    // first decision: ready once both are drawn (or say why they could not be), as a user
    // would wait for them.
    await page.waitForFunction(() => ['pool', 'edit'].every((part) => {
      const column = document.querySelector(`.column.${part}`);
      return !column || column.querySelector(`.${part}-mount`)?.childElementCount > 0
        || column.querySelector(`[data-testid="${part}-status"][data-state="failed"]`);
    }), null, { timeout: READY_TIMEOUT_MS });
  }

  /** Saves a PNG of `page` under the artifacts folder and prints its path. */
  async screenshot(page, label, options = {}) {
    await mkdir(this.config.artifacts, { recursive: true });
    const file = path.join(this.config.artifacts, `${this.slug}-${slugify(label)}.png`);
    await page.screenshot({ path: file, ...options });
    const shown = path.relative(this.config.repoRoot, file);
    this.screenshots.push(shown);
    console.log(`  SCREENSHOT ${shown}`);
    return file;
  }

  /** Records a measurement (printed now and in the final table). Not an assertion. */
  timing(label, ms) {
    this.timings.push({ label, ms });
    console.log(`  TIMING ${this.name} | ${label}: ${ms.toFixed(1)} ms`);
  }

  /** Prints a line under this test's name. */
  log(message) {
    console.log(`  ${message}`);
  }

  /** Throws if a watched page has shown a problem so far. Called after every test. */
  assertNoProblems() {
    const allowed = { console: this.allowed, pageerror: this.allowedPageErrors };
    const unexpected = this.problems.filter(
      (problem) => !(allowed[problem.kind] ?? []).some((re) => re.test(problem.text)),
    );
    if (unexpected.length > 0) {
      const lines = unexpected.map((problem) => `    ${problem.kind}: ${problem.text}`);
      throw new Error(`the page reported problems:\n${lines.join('\n')}`);
    }
  }

  /** Prints what the pages reported (console errors, uncaught exceptions, foreign
   * requests) after a failure, for the CI log: a failed step hides them otherwise, and a
   * panic in a module shows only as a step that never completes. */
  printProblems() {
    for (const problem of this.problems) {
      console.log(`  PROBLEM ${problem.kind}: ${problem.text}`);
    }
  }

  /** Screenshots every open page after a failure, for the CI log. */
  async failureScreenshots() {
    for (const context of this.contexts) {
      for (const [index, page] of context.pages().entries()) {
        await this.screenshot(page, `failure-${index}`).catch(() => {});
      }
    }
  }

  async close() {
    await Promise.all(this.contexts.map((context) => context.close().catch(() => {})));
  }

  async #guard(context, origins) {
    // Block (and report) anything that would leave the page's origin (or a spec's own).
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (origins.some((origin) => isSameOrigin(url, origin))) {
        return route.continue();
      }
      this.problems.push({ kind: 'request', text: `${route.request().method()} ${url}` });
      return route.abort('blockedbyclient');
    });
    context.on('page', (page) => {
      page.on('console', (message) => {
        if (message.type() === 'error') {
          this.problems.push({ kind: 'console', text: message.text() });
        }
      });
      page.on('pageerror', (error) => this.problems.push({ kind: 'pageerror', text: String(error) }));
      page.on('websocket', (socket) => {
        if (!origins.some((origin) => isSameOrigin(socket.url().replace(/^ws/, 'http'), origin))) {
          this.problems.push({ kind: 'request', text: `websocket ${socket.url()}` });
        }
      });
    });
  }
}

function isSameOrigin(url, origin) {
  if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) {
    return true;
  }
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

/** `First slice: edit › x` → `first-slice-edit-x`. */
export function slugify(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
