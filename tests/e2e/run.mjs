// Runs every spec in specs/*.mjs (or those whose file name contains one of the
// arguments) against the release build at E2E_BASE_URL, one fresh browser context per
// test, and ends with `e2e: N passed, M failed`.
//
// A spec module exports either
//   export default async function (t) { ... }              // one test named after the file
// or
//   export const tests = { 'does x': async (t) => { ... } } // several tests
// and optionally `export const timeoutMs = 60_000` (per test). `t` is a TestContext
// (lib/harness.mjs): t.openApp(), t.newPage(), t.screenshot(page, label),
// t.timing(label, ms), t.log(text). After each test the harness fails it if any page
// logged a console error, threw, or requested anything outside the page's origin.

import { readdir, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { settings, launchBrowser, TestContext, slugify } from './lib/harness.mjs';

const DEFAULT_TIMEOUT_MS = 60_000;
const specsDir = path.join(import.meta.dirname, 'specs');

const config = settings();
const filters = process.argv.slice(2);
const files = (await readdir(specsDir))
  .filter((file) => file.endsWith('.mjs'))
  .filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)))
  .sort();
if (files.length === 0) {
  console.error(`no spec in ${specsDir} matches ${JSON.stringify(filters)}`);
  process.exit(1);
}

// A full run starts from an empty artifacts folder, so CI keeps only this run's files.
if (filters.length === 0) {
  await rm(config.artifacts, { recursive: true, force: true });
}

const browser = await launchBrowser(config);
console.log(`e2e: ${files.length} spec file(s) against ${config.baseUrl} (Chromium ${browser.version()})`);
const results = [];
try {
  for (const file of files) {
    const stem = file.replace(/\.mjs$/, '');
    let module;
    try {
      module = await import(pathToFileURL(path.join(specsDir, file)).href);
    } catch (error) {
      results.push({ name: stem, ok: false, ms: 0, timings: [], error });
      console.log(`FAIL ${stem}: cannot load: ${error.stack ?? error}`);
      continue;
    }
    for (const [name, body] of testsOf(module, stem)) {
      results.push(await runOne(name, body, module.timeoutMs ?? DEFAULT_TIMEOUT_MS));
    }
  }
} finally {
  await browser.close();
}

await report(results);
const failed = results.filter((result) => !result.ok).length;
console.log(`e2e: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 && results.length > 0 ? 0 : 1);

/** The [name, function] pairs a spec module defines. */
function testsOf(module, stem) {
  if (typeof module.default === 'function') {
    return [[stem, module.default]];
  }
  if (module.tests && typeof module.tests === 'object') {
    return Object.entries(module.tests).map(([name, body]) => [`${stem} › ${name}`, body]);
  }
  return [[stem, () => { throw new Error('the spec exports neither a default function nor `tests`'); }]];
}

async function runOne(name, body, timeoutMs) {
  const t = new TestContext({ browser, config, name, slug: slugify(name) });
  const started = performance.now();
  console.log(`RUN  ${name}`);
  let error = null;
  try {
    await withTimeout(body(t), timeoutMs, name);
    t.assertNoProblems();
  } catch (caught) {
    error = caught;
    t.printProblems();
    await t.failureScreenshots();
  } finally {
    await t.close();
  }
  const ms = performance.now() - started;
  if (error) {
    console.log(`FAIL ${name} (${(ms / 1000).toFixed(1)} s)\n  ${String(error.stack ?? error).replaceAll('\n', '\n  ')}`);
  } else {
    console.log(`PASS ${name} (${(ms / 1000).toFixed(1)} s)`);
  }
  return { name, ok: !error, ms, timings: t.timings, screenshots: t.screenshots, error: error && String(error) };
}

function withTimeout(promise, ms, name) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([Promise.resolve(promise), timeout]).finally(() => clearTimeout(timer));
}

/** Prints every recorded timing and screenshot, and writes them to artifacts/report.json. */
async function report(results) {
  const timings = results.flatMap((result) => result.timings.map((timing) => ({ test: result.name, ...timing })));
  if (timings.length > 0) {
    console.log('timings:');
    for (const timing of timings) {
      console.log(`  ${timing.test} | ${timing.label}: ${timing.ms.toFixed(1)} ms`);
    }
  }
  const screenshots = results.flatMap((result) => result.screenshots ?? []);
  if (screenshots.length > 0) {
    console.log('screenshots:');
    for (const shot of screenshots) {
      console.log(`  ${shot}`);
    }
  }
  await mkdir(config.artifacts, { recursive: true });
  const file = path.join(config.artifacts, 'report.json');
  await writeFile(file, JSON.stringify({ baseUrl: config.baseUrl, results }, null, 2));
  console.log(`report: ${path.relative(config.repoRoot, file)}`);
}
