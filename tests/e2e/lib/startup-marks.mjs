// Where the time to the first decision goes: marks on the page's own clock, taken by a
// script that runs before the page's (Playwright's init script), so the page itself carries
// no measuring code. Printed by app-perf's navigation test, never asserted.
//
// Phases, each from the latest mark before it (every mark is in ms since navigation start):
//   html          the document's response ends (navigation timing)
//   wasm asked    the page calls fetch() for its wasm (the early compile script at the top
//                 of <head>, crates/xtask/src/early_wasm.rs)
//   wasm bytes    the wasm's response ends (resource timing)
//   loader runs   Trunk's loader instantiates: the module script runs once the document is
//                 parsed and the style sheets, the JS glue and its snippets are in
//   instantiated  the instance is ready (what is left of compiling: it streams with the
//                 download)
//   first render  the first decision is in the DOM: the wasm's start function builds the
//                 scenario, decides it and renders the first screen's part of the page in one
//                 task (a MutationObserver's callback runs at the end of that task)
//   decision frame  the next frame starts (its requestAnimationFrame callbacks run): the
//                 frame that lays out and paints the decision, unless other tasks came first
//   paint         the first contentful paint (style, layout, paint and raster of that DOM)

/** Installs the marks on `page`; call before `goto`. */
export async function installStartupMarks(page) {
  await page.addInitScript(() => {
    const marks = (window.__startupMarks = {});
    const mark = (name) => {
      if (!(name in marks)) marks[name] = performance.now();
    };
    // The loader instantiates a compiled module (WebAssembly.instantiate) or, without the
    // early compile, a response (instantiateStreaming).
    for (const name of ['instantiate', 'instantiateStreaming']) {
      const original = WebAssembly[name];
      if (typeof original !== 'function') continue;
      WebAssembly[name] = function (...args) {
        mark('instantiate start');
        const result = original.apply(this, args);
        result.then(() => mark('instantiate end'), () => {});
        return result;
      };
    }
    const fetch = window.fetch;
    window.fetch = function (input, ...rest) {
      if (String(input?.url ?? input).endsWith('_bg.wasm')) mark('wasm fetch');
      return fetch.call(this, input, ...rest);
    };
    new MutationObserver(() => {
      if (!('decision in DOM' in marks) && document.querySelector('[data-testid="request-result"][data-decision]')) {
        mark('decision in DOM');
        requestAnimationFrame(() => mark('decision frame'));
      }
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
}

/** The phases of one load, in ms (see the top of this file). */
export async function startupPhases(page) {
  const raw = await page.evaluate(() => {
    const marks = window.__startupMarks ?? {};
    const wasm = performance
      .getEntriesByType('resource')
      // The page's own wasm (the full page's, the widget's or the learner's), not a lazy module's.
      .find((entry) => entry.name.endsWith('_bg.wasm') && !/idpool-(api|workshop|review)-/.test(entry.name));
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return {
      html: performance.getEntriesByType('navigation')[0]?.responseEnd,
      'wasm asked': marks['wasm fetch'],
      'wasm bytes': wasm?.responseEnd,
      'loader runs': marks['instantiate start'],
      instantiated: marks['instantiate end'],
      'first render': marks['decision in DOM'],
      'decision frame': marks['decision frame'],
      paint: paint?.startTime,
    };
  });
  // Each phase from the latest mark before it (the wasm may arrive before the loader asks).
  const phases = {};
  let previous = 0;
  for (const [name, at] of Object.entries(raw)) {
    phases[name] = typeof at === 'number' ? Math.max(0, at - previous) : NaN;
    if (typeof at === 'number') previous = Math.max(previous, at);
  }
  return { phases, at: raw };
}
