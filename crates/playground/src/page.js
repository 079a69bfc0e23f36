// The page's JS helpers, one file for the wasm's three callers (see lazy_module.rs).

// lazy_module.rs
const loading = new Map();
const ready = new Map();
// The started module, or undefined while it is not (share_module.rs asks inside a click).
export function idpool_lazy_ready(meta) {
  return ready.get(meta);
}
export function idpool_lazy_load(meta) {
  if (!loading.has(meta)) {
    const element = document.querySelector(`meta[name="${meta}"]`);
    const name = element && element.getAttribute('content');
    if (!name) {
      return Promise.reject(new Error(`this build of the page names no module \`${meta}\``));
    }
    const js = new URL(name, document.baseURI);
    const wasm = new URL(name.replace(/\.js$/, '_bg.wasm'), document.baseURI);
    const started = import(js.href).then(async (m) => {
      await m.default({ module_or_path: wasm });
      ready.set(meta, m);
      return m;
    });
    started.catch(() => { loading.delete(meta); });
    loading.set(meta, started);
  }
  return loading.get(meta);
}

// api_module.rs
export function idpool_api_answer(module, request) {
  return module.answerJson(request);
}
let worker, next = 0;
const waiting = new Map();
const stop = () => {
  worker?.terminate();
  worker = null;
  waiting.forEach((answer) => answer());
  waiting.clear();
};
export function idpool_api_worker(request) {
  if (worker === undefined) {
    try {
      const name = document.querySelector('meta[name="idpool-api"]').content;
      worker = new Worker(new URL(name.replace(/\.js$/, '-worker.js'), document.baseURI), { type: 'module' });
      worker.onmessage = ({ data: [id, answer] }) => {
        if (answer == null) return stop();
        waiting.get(id)?.(answer);
        waiting.delete(id);
      };
      worker.onerror = stop;
    } catch {
      worker = null;
    }
  }
  return new Promise((answer) => {
    if (!worker) return answer();
    waiting.set(++next, answer);
    worker.postMessage([next, request]);
  });
}

// lazy_panel.rs: the workshop panel's and the Permissions panel's modules
export function idpool_panel_mount(module, name, host, start, onEvent) {
  return module[name](host, start, onEvent);
}
export function idpool_panel_update(panel, input) {
  panel.update(input);
}

// share_module.rs: the share link's encoder, in the second module
export function idpool_share_encode(module, json, workshop, exercise) {
  return module.share_fragment(json, workshop, exercise);
}
