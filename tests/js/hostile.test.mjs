// Hostile values: the package answers `{op: "error", message}` and keeps working after.
// Before the bounded conversion, an object ~3,000 deep or a cycle trapped with "memory
// access out of bounds" and every later call, valid ones included, threw the same.
import test from "node:test";
import assert from "node:assert/strict";

import { idpool, read } from "./package.mjs";

const scenarioText = read("web/examples/guest-reads-public-picture.json");

/** A valid call whose answer is known: the module still works. */
function assertStillWorks() {
  const { report } = idpool.simulate(scenarioText);
  assert.equal(report.outcome, "issued");
  assert.equal(report.requests[0].decision, "Allowed");
}

function nested(depth) {
  let value = { leaf: true };
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
}

function cyclic() {
  const scenario = JSON.parse(scenarioText);
  scenario.roles[0].self = scenario;
  return scenario;
}

function assertError(answer, pattern) {
  assert.equal(answer.op, "error", JSON.stringify(answer).slice(0, 300));
  assert.equal(answer.apiVersion, 1);
  assert.match(answer.message, pattern);
}

const deep = nested(3000);
const hostile = {
  "simulate, 3,000 deep": [() => idpool.simulate(deep), /nested more than 64 levels deep/],
  "check, 3,000 deep": [() => idpool.check(deep), /nested more than 64 levels deep/],
  "evaluate, 3,000 deep": [() => idpool.evaluate(deep, true), /nested more than 64 levels deep/],
  "answer, 3,000 deep": [
    () => idpool.answer({ apiVersion: 1, op: "simulate", scenario: deep }),
    /nested more than 64 levels deep \(at `scenario\.a\.a/,
  ],
  "simulate, a cycle": [() => idpool.simulate(cyclic()), /a cycle.*\(at `roles\[0\]\.self`\)/],
  "check, a cycle": [() => idpool.check(cyclic()), /a cycle/],
  "evaluate, a cycle": [
    () => {
      const c = { request: { action: "s3:GetObject" } };
      c.request.context = c;
      return idpool.evaluate(c, false);
    },
    /a cycle.*\(at `request\.context`\)/,
  ],
  "answer, a cycle": [
    () => {
      const r = { apiVersion: 1, op: "simulate" };
      r.scenario = r;
      return idpool.answer(r);
    },
    /a cycle/,
  ],
  "a getter that throws": [
    () => idpool.simulate({ get roles() { throw new Error("boom"); } }),
    /threw `Error: boom` \(at `roles`\)/,
  ],
  "a Proxy whose ownKeys throws": [
    () => idpool.simulate(new Proxy({}, { ownKeys() { throw new Error("no keys"); } })),
    /threw `Error: no keys`/,
  ],
  "a sparse array of a billion holes": [
    () => {
      const holes = [];
      holes.length = 1e9;
      return idpool.simulate({ roles: holes });
    },
    /larger than the 1024 KB/,
  ],
  "a function": [() => idpool.evaluate({ request: () => 1 }, false), /a function cannot be written as JSON/],
  "a BigInt": [() => idpool.simulate({ name: 10n }), /a BigInt cannot be written as JSON/],
};

for (const [what, [call, pattern]] of Object.entries(hostile)) {
  test(`${what}: an error answer, then the module keeps working`, () => {
    let answer;
    assert.doesNotThrow(() => {
      answer = call();
    });
    assertError(answer, pattern);
    assertStillWorks();
  });
}

test("nesting the engine accepts still converts", () => {
  const answer = idpool.simulate(nested(40));
  assert.equal(answer.op, "simulate");
  assertStillWorks();
});

// Wrong argument types: each says what to pass instead.
const wrongArguments = {
  "answerJson(5)": [() => JSON.parse(idpool.answerJson(5)), /`answerJson` takes the request as JSON text \(a string\), not a number; pass an object to `answer`/],
  "answerJson(undefined)": [() => JSON.parse(idpool.answerJson(undefined)), /not `undefined`/],
  "answerJson({})": [() => JSON.parse(idpool.answerJson({ apiVersion: 1 })), /not an object; pass an object to `answer`/],
  'parsePolicy(5, "Identity")': [() => idpool.parsePolicy(5, "Identity"), /`parsePolicy` takes the policy's text \(a string\), not a number/],
  "parsePolicy({...}, \"Identity\")": [() => idpool.parsePolicy({ Version: "2012-10-17" }, "Identity"), /JSON\.stringify\(policy\)/],
  "formatPolicy({})": [() => idpool.formatPolicy({}), /`formatPolicy` takes the policy's text \(a string\), not an object/],
  'answer("<json text>")': [
    () => idpool.answer('{"apiVersion":1,"op":"formatPolicy","text":"{}"}'),
    /`answer` takes the request as an object; pass JSON text to `answerJson`/,
  ],
};

for (const [what, [call, pattern]] of Object.entries(wrongArguments)) {
  test(`${what} answers op error saying what to pass`, () => {
    let answer;
    assert.doesNotThrow(() => {
      answer = call();
    });
    assertError(answer, pattern);
    assert.doesNotMatch(answer.message, /Reflect\.get|invalid type/);
    assertStillWorks();
  });
}

test("an object scenario is measured as the caller gave it, not as pretty-printed text", () => {
  // ~20 KB of JSON; pretty-printed at this depth it would be over 1 MB.
  let value = Array.from({ length: 10_000 }, () => 1);
  for (let i = 0; i < 60; i += 1) value = [value];
  const scenario = JSON.parse(scenarioText);
  scenario.padding = value;
  assert.ok(JSON.stringify(scenario).length < 25_000);
  const { report } = idpool.simulate(scenario);
  const codes = report.diagnostics.map((d) => d.code);
  assert.ok(!codes.includes("iam::parse::too_large"), codes.join(", "));
  assert.equal(report.outcome, "issued");
});
