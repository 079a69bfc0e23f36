// A small consumer of the package, written against its declarations (`idpool.d.ts` and
// the generated `idpool-api.d.ts`). `cargo xtask test js` type-checks it with
// `tsc --noEmit`: when the API's shape changes in a way that breaks a user of these
// fields, or the declarations fall back to `any`, this file stops compiling.
import {
  answer,
  evaluate,
  formatPolicy,
  parsePolicy,
  simulate,
  type ApiAnswer,
  type ApiRequest,
  type Diagnostic,
  type EvalCase,
  type Report,
} from "../../../target/js/node/idpool";

/** Each request's action and decision, from a simulation's answer. */
export function decisions(answered: ApiAnswer): string[] {
  if (answered.op === "error") {
    throw new Error(answered.message);
  }
  if (answered.op !== "simulate") {
    throw new Error(`expected a simulation, got ${answered.op}`);
  }
  const report: Report = answered.report;
  return report.requests.map((r) => `${r.action} on ${r.resource}: ${r.decision}`);
}

/** `line:column message` for every diagnostic. */
export function located(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.start?.line ?? 0}:${d.start?.column ?? 0} ${d.severity} ${d.message}`);
}

export const simulated = decisions(simulate("{}"));

const request: ApiRequest = { apiVersion: 1, op: "parsePolicy", text: "{}", kind: "Identity" };
const parsed = answer(request);
export const problems: string[] = parsed.op === "parsePolicy" ? located(parsed.diagnostics) : [];

const policy = parsePolicy('{"Version": "2012-10-17", "Statement": []}', "Trust");
export const valid: boolean = policy.op === "parsePolicy" && policy.valid;

const formatted = formatPolicy("{}");
export const text: string | undefined = formatted.op === "formatPolicy" ? (formatted.text ?? undefined) : undefined;

const evalCase: EvalCase = {
  identityPolicies: ['{"Version": "2012-10-17", "Statement": []}'],
  request: { action: "s3:GetObject", resource: "arn:aws:s3:::b/k" },
};
const evaluated = evaluate(evalCase, true);
export const decided: string | undefined = evaluated.op === "evaluate" ? evaluated.answer.decision : undefined;

// The declarations are not `any`: what the API does not have is refused.
// @ts-expect-error: no such op
export const unknownOp: ApiRequest = { apiVersion: 1, op: "simulat", scenario: "{}" };
// @ts-expect-error: a policy kind the engine does not know
export const unknownKind: ApiRequest = { apiVersion: 1, op: "parsePolicy", text: "{}", kind: "Wrong" };
// @ts-expect-error: a simulation's answer has no `diagnostics` at the top
export const noSuchField = (a: ApiAnswer) => a.op === "simulate" && a.diagnostics;
