// Every playground example passes its own `expect`s through the JavaScript API.
import test from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import path from "node:path";

import { idpool, read, root } from "./package.mjs";

const examples = readdirSync(path.join(root, "web", "examples"))
  .filter((name) => name.endsWith(".json") && name !== "index.json")
  .sort();

test("there are examples to check", () => {
  assert.ok(examples.length >= 10, `only ${examples.length} examples`);
});

for (const name of examples) {
  test(`check ${name}`, () => {
    const answer = idpool.check(read(`web/examples/${name}`));
    assert.equal(answer.op, "check");
    assert.deepEqual(answer.result.mismatches, []);
    assert.equal(answer.result.passed, true);
    assert.ok(answer.result.checked > 0, "the example checks nothing");
  });
}
