// Simulation through the JavaScript API: the default example, an AWS error, versions.
import test from "node:test";
import assert from "node:assert/strict";

import { idpool, read } from "./package.mjs";

test("the default example issues Guest credentials and allows request 0", () => {
  const answer = idpool.simulate(read("web/examples/guest-reads-public-picture.json"));
  assert.equal(answer.apiVersion, 1);
  assert.equal(answer.op, "simulate");
  const { report } = answer;
  assert.equal(report.outcome, "issued");
  assert.equal(report.error, undefined);
  assert.equal(report.session.roleArn, "arn:aws:iam::123456789012:role/Guest");
  assert.equal(report.requests[0].index, 0);
  assert.equal(report.requests[0].decision, "Allowed");
});

test("a misspelt amr key gives the exact AWS exception and message", () => {
  const text = read("web/examples/error-trust-key-typo.json");
  const expect = JSON.parse(text).expect;
  const { report } = idpool.simulate(text);
  assert.equal(report.error.code, "InvalidIdentityPoolConfigurationException");
  assert.equal(report.error.code, expect.error);
  assert.equal(
    report.error.message,
    "Invalid identity pool configuration. Check assigned IAM roles for this pool.",
  );
  assert.equal(report.error.message, expect.message);
  assert.equal(report.error.operation, expect.step);
  // The error points at the misspelt key in the file.
  assert.equal(typeof report.error.position.line, "number");
});

test("a scenario given as an object simulates like its text", () => {
  const text = read("web/examples/error-guest-access-disabled.json");
  const fromObject = idpool.simulate(JSON.parse(text)).report;
  const fromText = idpool.simulate(text).report;
  assert.equal(fromObject.error.code, "NotAuthorizedException");
  assert.equal(fromObject.error.message, "Unauthenticated access is not supported for this identity pool.");
  assert.deepEqual(fromObject.error.code, fromText.error.code);
  assert.equal(fromObject.outcome, fromText.outcome);
});

test("versions are reported", () => {
  assert.equal(idpool.apiVersion(), 1);
  assert.match(idpool.engineVersion(), /^\d+\.\d+\.\d+/);
});
