import { describe, expect, it } from "vitest";
import { demoOrg } from "./test-fixture";

/**
 * An independent second derivation of readers: parse the live policies served by the stand-in and apply
 * Vault's rule selection (reference/vault-api.md section 15) to every secret. It must agree with the
 * ground truth, which readers.ts states by construction.
 */
type Rules = Map<string, Set<string>>;

function parsePolicy(hcl: string): Array<[string, string[]]> {
  return [...hcl.matchAll(/path "([^"]+)" \{\s*capabilities = \[([^\]]*)\]\s*\}/g)].map(([, p, caps]) => [p as string, (caps ?? "").split(",").map((c) => c.trim().replace(/"/g, "")).filter(Boolean)]);
}

function mergeRules(policyTexts: string[]): Rules {
  const merged: Rules = new Map();
  for (const text of policyTexts) {
    for (const [path, caps] of parsePolicy(text)) {
      if (path.includes("{{")) continue; // unresolvable template: Vault skips the rule
      const set = merged.get(path) ?? new Set<string>();
      caps.forEach((c) => set.add(c));
      merged.set(path, set);
    }
  }
  for (const [p, caps] of merged) if (caps.has("deny")) merged.set(p, new Set(["deny"]));
  return merged;
}

const isGlob = (p: string): boolean => p.endsWith("*") || p.split("/").includes("+");
const compiled = new Map<string, RegExp>();
function matches(pattern: string, path: string): boolean {
  let rx = compiled.get(pattern);
  if (rx) return rx.test(path);
  const re = pattern.split("/").map((seg, i, all) => {
    if (seg === "+") return "[^/]+";
    const last = i === all.length - 1 && seg.endsWith("*");
    const esc = (last ? seg.slice(0, -1) : seg).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return last ? `${esc}.*` : esc;
  }).join("/");
  rx = new RegExp(`^${re}$`);
  compiled.set(pattern, rx);
  return rx.test(path);
}
const firstWildcard = (p: string): number => {
  const plus = p.split("/").findIndex((s) => s === "+");
  const plusPos = plus < 0 ? Infinity : p.split("/").slice(0, plus).join("/").length + (plus > 0 ? 1 : 0);
  return Math.min(plusPos, p.endsWith("*") ? p.length - 1 : Infinity);
};
/** true when a has lower priority than b. */
function lower(a: string, b: string): boolean {
  if (firstWildcard(a) !== firstWildcard(b)) return firstWildcard(a) < firstWildcard(b);
  if (a.endsWith("*") !== b.endsWith("*")) return a.endsWith("*");
  const plus = (p: string): number => p.split("/").filter((s) => s === "+").length;
  if (plus(a) !== plus(b)) return plus(a) > plus(b);
  if (a.length !== b.length) return a.length < b.length;
  return a < b;
}
function capabilities(rules: Rules, path: string): Set<string> {
  const exact = rules.get(path);
  if (exact && !isGlob(path)) return exact;
  let best: string | null = null;
  for (const p of rules.keys()) if (isGlob(p) && matches(p, path) && (best === null || lower(best, p))) best = p;
  return best ? (rules.get(best) as Set<string>) : new Set();
}

describe("readers oracle", () => {
  const org = demoOrg();
  const world = org.clusters[0]!;
  const identities: Array<[string, Rules]> = [];
  const policyText = (names: string[]): string[] => names.map((n) => world.policies[n] ?? "");
  for (const m of world.authMounts) {
    for (const r of m.kubernetesRoles ?? []) identities.push([`kubernetes:${m.path}:${r.name}`, mergeRules(policyText(r.tokenPolicies))]);
    if (m.type === "jwt") for (const r of m.jwtRoles ?? []) identities.push([`jwt:${m.path}:${r.name}`, mergeRules(policyText(r.tokenPolicies))]);
    for (const r of m.appRoles ?? []) identities.push([`approle:${m.path}:${r.name}`, mergeRules(policyText(r.tokenPolicies))]);
  }
  for (const g of world.identityGroups) identities.push([`group:${g.name}`, mergeRules(policyText(g.policies))]);

  it("sanity-checks the matcher on Vault's documented precedence", () => {
    const r = mergeRules([`path "secret/*" {\n  capabilities = ["read"]\n}\npath "secret/+/+/foo/*" {\n  capabilities = ["deny"]\n}\npath "kv-prod/metadata/*" {\n  capabilities = ["deny"]\n}\npath "kv-prod/metadata/t0/*" {\n  capabilities = ["list"]\n}`]);
    expect([...capabilities(r, "secret/a/b/foo/c")]).toEqual(["read"]); // secret/* wins (fewer +)
    expect([...capabilities(r, "kv-prod/metadata/t0/prod/x")]).toEqual(["list"]); // longer prefix beats the deny
    expect([...capabilities(r, "kv-prod/metadata/t1/prod/x")]).toEqual(["deny"]);
  });

  it("agrees with ground truth on readers and list-only identities of every secret", () => {
    let checked = 0;
    for (const s of org.groundTruth.secrets) {
      const dataPath = s.kind === "kv-v2" ? `${s.mount}/data/${s.path}` : `${s.mount}/${s.path}`;
      const readers = identities.filter(([, rules]) => capabilities(rules, dataPath).has("read")).map(([k]) => k).sort();
      expect(readers, dataPath).toEqual(s.readers);
      if (s.kind === "kv-v2") {
        const listers = identities.filter(([k, rules]) => capabilities(rules, `${s.mount}/metadata/${s.path}`).has("list") && !readers.includes(k)).map(([k]) => k).sort();
        expect(listers, dataPath).toEqual(s.listOnly);
      }
      checked++;
    }
    expect(checked).toBe(org.groundTruth.secrets.length);
  });

  it("covers the interesting shapes: `+`, deny, the drift rule and the contractor's deny-vs-longer-prefix", () => {
    const gt = org.groundTruth;
    const drift = gt.drift.find((d) => d.kind === "policy-rules-differ")!.name.replace(/^team-/, "");
    expect(gt.secrets.some((s) => s.mount === "kv-prod" && s.path.startsWith(`${drift}/`) && s.readers.includes(`group:team-${drift}`))).toBe(true);
    expect(gt.secrets.filter((s) => s.mount === "kv-prod").every((s) => !s.readers.includes("group:contractors"))).toBe(true);
    expect(gt.secrets.some((s) => s.mount === "kv-prod" && s.listOnly.includes("group:contractors"))).toBe(true);
    expect(gt.secrets.some((s) => s.path.includes("/staging/") && s.readers.includes(`kubernetes:kubernetes-nonprod:${s.path.split("/")[2]}`))).toBe(true);
    expect(gt.templatedPolicies).toEqual(["user-scratch"]);
  });

  it("only lists consumers whose identity can read the secret", () => {
    for (const s of org.groundTruth.secrets) for (const c of s.consumers) expect(s.readers, `${c.workload} -> ${s.path}`).toContain(c.identity);
  });

  it("never counts the Terraform-only role as a reader", () => {
    const role = org.groundTruth.drift.find((d) => d.kind === "role-only-in-terraform")!.name.split("/").pop()!;
    expect(org.groundTruth.secrets.some((s) => s.readers.some((r) => r.endsWith(`:${role}`)))).toBe(false);
  });
});
