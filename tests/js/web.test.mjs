// The browser flavour (target/js/web/, an ES module) works too: loaded here with
// `initSync` and the wasm bytes, which is what `init()` does after fetching them.
import test from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { idpool, read, root } from "./package.mjs";

const webDir = path.join(root, "target", "js", "web");

test("the web package declares an ES module with types", () => {
  const manifest = JSON.parse(readFileSync(path.join(webDir, "package.json"), "utf8"));
  assert.equal(manifest.name, "idpool");
  assert.equal(manifest.type, "module");
  assert.equal(manifest.types, "idpool.d.ts");
  assert.match(readFileSync(path.join(webDir, "idpool.d.ts"), "utf8"), /export function simulate/);
});

test("the web package answers as the Node package does", async () => {
  const web = await import(pathToFileURL(path.join(webDir, "idpool.js")).href);
  web.initSync({ module: readFileSync(path.join(webDir, "idpool_bg.wasm")) });
  const text = read("web/examples/error-trust-key-typo.json");
  assert.deepEqual(web.simulate(text), idpool.simulate(text));
  assert.equal(web.engineVersion(), idpool.engineVersion());
});
