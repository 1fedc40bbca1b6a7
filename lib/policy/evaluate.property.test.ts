import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileAcl } from "./compile-acl";
import { evaluateAcl } from "./evaluate";
import { hclOf, policyFrom } from "./test-helpers";
import type { Capability, ParsedPolicy, PolicyRule } from "./types";
import { classifyPattern } from "./classify-pattern";

// Small alphabets so that random patterns and paths actually collide.
const segment = fc.constantFrom("a", "b", "ab", "abc", "");
const patternSegment = fc.constantFrom("a", "b", "ab", "+");
const capability = fc.constantFrom<Capability>("read", "list", "update", "sudo", "deny");

const pattern = fc
  .tuple(fc.array(patternSegment, { minLength: 1, maxLength: 4 }), fc.constantFrom("", "*", "a*", "/*"))
  .map(([parts, tail]) => parts.join("/") + tail)
  .filter((p) => !p.includes("+*"));
const path = fc.array(segment, { minLength: 1, maxLength: 5 }).map((parts) => parts.join("/"));
/** Stored secret paths never start with "/" (the contract of candidateRanges). */
const storedPath = path.filter((p) => !p.startsWith("/"));
const rule = fc.record({ path: pattern, capabilities: fc.uniqueArray(capability, { minLength: 0, maxLength: 3 }) });
const policies = fc.array(fc.array(rule, { maxLength: 6 }), { minLength: 1, maxLength: 4 }).map((sets) =>
  sets.map((rules, i): ParsedPolicy => ({
    name: `p${i}`,
    templated: false,
    errors: [],
    rules: rules.map(
      (r): PolicyRule => ({
        path: r.path,
        kind: classifyPattern(r.path),
        capabilities: r.capabilities.includes("deny") ? ["deny"] : [...r.capabilities].sort(),
        templated: false,
        line: null,
        constraints: [],
      }),
    ),
  })),
);

/**
 * Reference written straight from the documented rules (concepts/policies), without the compiled
 * index: merge per pattern, exact match first, else sort every matching wildcard rule by the five
 * priority rules and take the top. Patterns here only use "+" as a whole segment.
 */
function referenceEvaluate(input: ParsedPolicy[], rawPath: string): { caps: string[]; pattern: string | null } {
  const requestPath = rawPath.replace(/^\/+/, ""); // Vault drops leading slashes of request paths
  const merged = new Map<string, Set<string>>();
  for (const p of input) {
    for (const r of p.rules) {
      const caps = merged.get(r.path) ?? new Set<string>();
      for (const c of r.capabilities) caps.add(c);
      merged.set(r.path, caps.has("deny") ? new Set(["deny"]) : caps);
    }
  }
  const result = (pat: string) => {
    const caps = [...(merged.get(pat) ?? [])].sort();
    return { caps: caps.length ? caps : ["deny"], pattern: pat };
  };
  if (merged.has(requestPath)) return result(requestPath);
  const matching = [...merged.keys()].filter((p) => p.endsWith("*") || p.split("/").includes("+")).filter((p) => toRegExp(p).test(requestPath));
  if (matching.length === 0) return { caps: ["deny"], pattern: null };
  const key = (p: string) => {
    const stem = p.endsWith("*") ? p.slice(0, -1) : p;
    const plus = p.split("/").includes("+") ? p.indexOf("+") : Infinity;
    return { first: Math.min(plus, p.endsWith("*") ? p.length - 1 : Infinity), glob: p.endsWith("*"), plus: p.split("/").filter((s) => s === "+").length, len: stem.length, stem };
  };
  matching.sort((x, y) => {
    const a = key(x);
    const b = key(y);
    if (a.first !== b.first) return a.first - b.first;
    if (a.glob !== b.glob) return a.glob ? -1 : 1;
    if (a.plus !== b.plus) return b.plus - a.plus;
    if (a.len !== b.len) return a.len - b.len;
    return a.stem < b.stem ? -1 : a.stem > b.stem ? 1 : 0;
  });
  return result(matching.at(-1) as string);
}

function toRegExp(p: string): RegExp {
  const glob = p.endsWith("*");
  const body = (glob ? p.slice(0, -1) : p)
    .split("/")
    .map((s) => (s === "+" ? "[^/]*" : s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${body}${glob ? ".*" : ""}$`);
}

describe("evaluateAcl properties", () => {
  it("matches the documented rules, computed naively", () => {
    fc.assert(
      fc.property(policies, path, (ps, p) => {
        const decision = evaluateAcl(ps, p, { listFallback: false });
        const expected = referenceEvaluate(ps, p);
        expect({ caps: decision.capabilities, pattern: decision.decidedBy?.pattern ?? null }).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it("is deterministic and independent of policy and rule order", () => {
    fc.assert(
      fc.property(policies, fc.array(path, { minLength: 1, maxLength: 5 }), fc.integer(), (ps, paths, seed) => {
        const shuffled = shuffle(ps.map((p) => ({ ...p, rules: shuffle(p.rules, seed) })), seed + 1);
        for (const p of paths) {
          const first = evaluateAcl(ps, p);
          expect(evaluateAcl(ps, p)).toEqual(first);
          expect(evaluateAcl(shuffled, p)).toEqual(first);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("walking sorted paths by rule prefix finds exactly the paths some rule decides", () => {
    fc.assert(
      fc.property(policies, fc.uniqueArray(storedPath, { maxLength: 30 }), (ps, paths) => {
        const sorted = [...paths].sort();
        const acl = compileAcl(ps);
        const walked = [...acl.evaluateSorted(sorted)].map((m) => m.path);
        expect(walked).toEqual(sorted.filter((p) => acl.evaluate(p).decidedBy !== null));
      }),
      { numRuns: 1000 },
    );
  });

  it("agrees with policies parsed from HCL", async () => {
    const ps = [await policyFrom("x", hclOf({ "a/+/b": ["read"], "a/*": ["list"] })), await policyFrom("y", hclOf({ "a/+/b": ["deny"] }))];
    expect(referenceEvaluate(ps, "a/q/b")).toEqual({ caps: ["deny"], pattern: "a/+/b" });
    expect(evaluateAcl(ps, "a/q/b").capabilities).toEqual(["deny"]);
  });
});

/** Deterministic Fisher-Yates driven by a seed, so failures replay. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed | 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1103515245) + 12345) | 0;
    const j = Math.abs(state) % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
