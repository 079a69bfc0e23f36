// `evaluate` through the JavaScript API answers exactly as `idpool eval` does: identical
// answers across front ends is a project requirement.
import test from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

import { idpool, idpoolBin, read, root } from "./package.mjs";

const files = [
  "actions.json", "condition-logic.json", "layers-session.json", "variables.json", "not-elements.json",
  // the layers of issue 11: SCP and RCP levels, endpoint policies, anonymous callers, key policies
  "org-scp-levels.json", "org-rcp-levels.json", "vpc-endpoint-policies.json", "anonymous.json", "kms-key-policy.json",
];

/** One JSON answer per case, as `idpool eval FILE [--explain]` prints them. */
function cli(file, explain) {
  assert.ok(existsSync(idpoolBin), `no ${idpoolBin}: run \`cargo build -p idpool\``);
  const args = ["eval", path.join(root, "tests", "iam", file), ...(explain ? ["--explain"] : [])];
  const stdout = execFileSync(idpoolBin, args, { encoding: "utf8", maxBuffer: 64 << 20 });
  return stdout.trim().split("\n").map((line) => JSON.parse(line));
}

/**
 * The answer without byte offsets. The JS API takes a case as an object, so its offsets
 * refer to that object printed as JSON, not to the file the CLI read; lines and columns
 * likewise. Everything else must be equal.
 */
function withoutOffsets(value) {
  if (Array.isArray(value)) return value.map(withoutOffsets);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !["span", "start", "end", "position"].includes(key))
        .map(([key, inner]) => [key, withoutOffsets(inner)]),
    );
  }
  return value;
}

for (const file of files) {
  const cases = JSON.parse(read(`tests/iam/${file}`));

  test(`${file}: evaluate equals idpool eval`, () => {
    const expected = cli(file, false);
    assert.equal(expected.length, cases.length);
    cases.forEach((testCase, index) => {
      const answer = idpool.evaluate(testCase, false);
      assert.equal(answer.op, "evaluate");
      assert.deepEqual(withoutOffsets(answer.answer), withoutOffsets(expected[index]), testCase.name);
    });
  });

  // serde_json keeps key order (workspace feature `preserve_order`), so a case given as an
  // object explains its conditions in the file's order, exactly as the CLI does.
  test(`${file}: evaluate with explanation equals idpool eval --explain`, () => {
    const expected = cli(file, true);
    cases.forEach((testCase, index) => {
      const answer = idpool.evaluate(testCase, true);
      // A case the engine refuses (decision `Error`, e.g. SCP levels mixed with plain
      // documents) is not evaluated, so neither front end explains it; every other case must.
      if (answer.answer.decision !== "Error") {
        assert.ok(answer.answer.explanation, `${testCase.name}: no explanation`);
      }
      assert.deepEqual(withoutOffsets(answer.answer), withoutOffsets(expected[index]), testCase.name);
    });
  });
}
