// Policy parsing and formatting, and requests that cannot be read: data, never exceptions.
import test from "node:test";
import assert from "node:assert/strict";

import { idpool } from "./package.mjs";

test("broken JSON gets a located diagnostic", () => {
  const text = '{\n  "Version": "2012-10-17",\n  "Statement": [\n';
  const answer = idpool.parsePolicy(text, "Identity");
  assert.equal(answer.op, "parsePolicy");
  assert.equal(answer.valid, false);
  const [first] = answer.diagnostics;
  assert.equal(first.code, "iam::parse::json");
  assert.equal(first.severity, "error");
  assert.deepEqual([first.start.line, first.start.column], [4, 1]);
});

test("a valid policy parses and formats", () => {
  const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}';
  const parsed = idpool.parsePolicy(text, "Identity");
  assert.equal(parsed.valid, true);
  assert.equal(parsed.statements, 1);
  const formatted = idpool.formatPolicy(text);
  assert.equal(formatted.op, "formatPolicy");
  assert.deepEqual(JSON.parse(formatted.text), JSON.parse(text));
  assert.ok(formatted.text.includes("\n"));
});

// Each of these must answer `{op: "error"}` rather than throw.
const malformed = {
  "an unknown op": () => idpool.answer({ apiVersion: 1, op: "nope" }),
  "a number as request": () => idpool.answer(42),
  "another API version": () => idpool.answer({ apiVersion: 99, op: "formatPolicy", text: "{}" }),
  "a string as evaluation case": () => idpool.evaluate("x", false),
  "an unknown policy kind": () => idpool.parsePolicy("{}", "Nope"),
  "truncated JSON text": () => JSON.parse(idpool.answerJson("{")),
};

for (const [what, call] of Object.entries(malformed)) {
  test(`${what} answers op error`, () => {
    let answer;
    assert.doesNotThrow(() => {
      answer = call();
    });
    assert.equal(answer.op, "error");
    assert.equal(answer.apiVersion, 1);
    assert.equal(typeof answer.message, "string");
    assert.ok(answer.message.length > 0);
  });
}

test("a scenario that is not an object gets a diagnostic, not an exception", () => {
  const answer = idpool.simulate(7);
  assert.equal(answer.op, "simulate");
  assert.equal(answer.report.outcome, "Error");
  const [first] = answer.report.diagnostics;
  assert.equal(first.code, "cognito::scenario::wrong_type");
  assert.deepEqual([first.start.line, first.start.column], [1, 1]);
});
