import { describe, expect, it } from "vitest";
import { compileAcl } from "./compile-acl";
import { findCandidateRanges } from "./find-candidate-ranges";
import { parsePolicy } from "./parse-policy";
import { hclOf, policyFrom } from "./test-helpers";

const SECRETS = [
  "kv/data/apps/api/db",
  "kv/data/apps/api/token",
  "kv/data/apps/web/db",
  "kv/data/infra/ci/deploy",
  "kv/data/shared/tls",
  "kv/metadata/apps/api/db",
  "other/data/x",
].sort();

describe("compileAcl", () => {
  it("gives each rule its literal prefix (before the first wildcard)", async () => {
    const acl = compileAcl([
      await policyFrom("p", hclOf({ "kv/data/apps/*": ["read"], "kv/data/+/ci/*": ["read"], "kv/data/shared/tls": ["read"] })),
    ]);
    expect(acl.rulePrefixes().map((r) => [r.pattern, r.literalPrefix])).toEqual([
      ["kv/data/+/ci/*", "kv/data/"],
      ["kv/data/apps/*", "kv/data/apps/"],
      ["kv/data/shared/tls", "kv/data/shared/tls"],
    ]);
  });

  it("walks only the secrets under some rule's prefix, and agrees with evaluating each one", async () => {
    const acl = compileAcl([
      await policyFrom("a", hclOf({ "kv/data/apps/api/*": ["read"], "kv/data/shared/tls": ["read"] })),
      await policyFrom("b", hclOf({ "kv/data/apps/api/token": ["deny"] })),
    ]);
    expect(acl.candidateRanges(SECRETS)).toEqual([
      [0, 2],
      [4, 5],
    ]);
    const walked = [...acl.evaluateSorted(SECRETS)].map((m) => [m.path, m.decision.capabilities]);
    expect(walked).toEqual([
      ["kv/data/apps/api/db", ["read"]],
      ["kv/data/apps/api/token", ["deny"]],
      ["kv/data/shared/tls", ["read"]],
    ]);
    const brute = SECRETS.filter((s) => acl.evaluate(s).decidedBy !== null);
    expect(walked.map(([path]) => path)).toEqual(brute);
  });

  it("covers everything for root and for a bare *", async () => {
    expect(compileAcl([await parsePolicy("root", "")]).candidateRanges(SECRETS)).toEqual([[0, SECRETS.length]]);
    expect(compileAcl([await policyFrom("p", hclOf({ "*": ["list"] }))]).candidateRanges(SECRETS)).toEqual([[0, SECRETS.length]]);
  });

  it("evaluates 100,000 paths against a few hundred rules quickly", async () => {
    const rules: Record<string, string[]> = {};
    for (let t = 0; t < 200; t++) rules[`kv/data/team-${t}/*`] = ["read"];
    for (let t = 0; t < 50; t++) rules[`kv/data/team-${t}/+/admin`] = ["deny"];
    const acl = compileAcl([await policyFrom("p", hclOf(rules))]);
    const paths = Array.from({ length: 100_000 }, (_, i) => `kv/data/team-${i % 400}/svc-${i % 7}/key-${i}`).sort();
    const started = performance.now();
    let readable = 0;
    for (const match of acl.evaluateSorted(paths)) if (match.decision.capabilities.includes("read")) readable++;
    expect(readable).toBe(50_000);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe("findCandidateRanges", () => {
  it("merges nested prefixes and skips empty ranges", () => {
    expect(findCandidateRanges(["a", "a/b", "a/c", "b", "c/x"], ["a/", "a/b", "zz", "c/"])).toEqual([
      [1, 3],
      [4, 5],
    ]);
    expect(findCandidateRanges([], ["a"])).toEqual([]);
  });
});
