// Reviewing a change through the JavaScript API: the package carries no catalog, so a
// caller loads `catalog.tsv` once, then `diff` and `coach` answer as `idpool diff` does.
import test from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";

import { idpool, idpoolBin, read, root } from "./package.mjs";

const ask = (request) => idpool.answer({ apiVersion: 1, ...request });

test("without a catalog, diff and coach say what to send first", () => {
  const scenario = read("web/examples/guest-reads-public-picture.json");
  // This file's tests run in order in one process; none has loaded the catalog yet.
  const answer = ask({ op: "coach", scenario });
  assert.equal(answer.op, "error");
  assert.match(answer.message, /loadCatalog/);
});

test("diff over the loaded catalog agrees with idpool diff", () => {
  const loaded = ask({ op: "loadCatalog", text: read("crates/aws-catalog/data/catalog.tsv") });
  assert.equal(loaded.op, "loadCatalog");
  assert.ok(loaded.actions > 20_000, `${loaded.actions} actions`);
  const old = "web/examples/error-guest-access-disabled.json";
  const now = "web/examples/guest-reads-public-picture.json";
  const { diff } = ask({ op: "diff", old: read(old), new: read(now) });
  assert.equal(diff.grantsNew, true);
  let cli;
  try {
    execFileSync(idpoolBin, ["diff", old, now, "--format", "json"], { cwd: root });
    assert.fail("idpool diff should exit 1 on a change that grants access");
  } catch (e) {
    assert.equal(e.status, 1);
    cli = JSON.parse(e.stdout.toString());
  }
  assert.deepEqual(diff, cli);
});

test("coach findings carry a fix the caller can splice in", () => {
  ask({ op: "loadCatalog", text: read("crates/aws-catalog/data/catalog.tsv") });
  const { coach } = ask({ op: "coach", scenario: read("web/examples/scope-down-guest-enhanced.json") });
  const finding = coach.findings.find((f) => f.code === "coach::guest_above_scope_down");
  assert.ok(finding, JSON.stringify(coach.findings));
  assert.equal(finding.policy, "Guest:DescribeAndRead");
  assert.doesNotMatch(finding.fix.after, /ec2:DescribeInstances/);
});
