import path from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadFixtures } from "../kubernetes/test-helpers";
import { parseTerraform, type TerraformParseResult } from "./parse-terraform";
import { interpolations } from "./resolve-expressions";
import type { ParsedConsumption } from "../types";

const files = loadFixtures(path.join(__dirname, "fixtures"));
let result: TerraformParseResult;
const problem = (text: string) => result.problems.find((p) => p.message.includes(text));

describe("parseTerraform", async () => {
  result = await parseTerraform(files);

  it("lists resources with their header lines (quoted or bare labels) and plain JSON attributes", () => {
    expect(result.resources.find((r) => r.name === "database_prod")).toMatchObject({ type: "vault_mount", file: "vault/main.tf", line: 31, attributes: { path: "database-prod", default_lease_ttl_seconds: 3600 } });
    expect(result.resources.find((r) => r.name === "payments_deploy")?.line).toBe(11);
    expect(result.dataSources).toHaveLength(1);
  });

  describe("policies", () => {
    const policy = (name: string) => result.vault.policies.find((p) => p.name === name);
    it("reads heredocs", () => {
      expect(policy("payments-api")?.policy).toContain('path "kv-prod/data/payments/prod/*"');
      expect(policy("payments-api")?.origin).toEqual({ address: "vault_policy.payments_api", file: "vault/policies.tf", line: 1 });
    });
    it("resolves file() relative to the module, with or without path.module", () => {
      expect(policy("ci-payments-deploy")).toMatchObject({ policyFile: "vault/policies/ci-payments-deploy.hcl", policy: expect.stringContaining("payments/prod/ci/*") });
      expect(policy("relative-file")?.policy).toBe(policy("ci-payments-deploy")?.policy);
    });
    it("renders vault_policy_document data sources", () => {
      expect(policy("shared-readers")?.policy).toBe('path "kv-prod/data/shared/*" {\n  capabilities = ["read", "list"]\n}\n\npath "kv-prod/metadata/shared/*" {\n  capabilities = ["list"]\n}\n');
    });
    it("keeps unresolvable policies as null with a warning", () => {
      expect(policy("missing")).toMatchObject({ policy: null, policyFile: "vault/policies/nope.hcl" });
      expect(problem("policy file vault/policies/nope.hcl not found")).toMatchObject({ file: "vault/policies.tf", line: 23, severity: "warning" });
      expect(policy("team-kv-prod")?.policy).toBeNull();
      expect(problem("vault_policy.templated: policy = ${templatefile(")).toBeDefined();
    });
    it("reads .tf.json files", () => {
      expect(policy("from-json")?.policy).toBe('path "a" { capabilities = ["read"] }');
    });
  });

  describe("auth roles", () => {
    const role = (name: string) => result.vault.authRoles.find((r) => r.roleName === name);
    it("resolves backend references (explicit path, var default, type default) and policy references", () => {
      expect(role("payments-api")).toMatchObject({
        method: "kubernetes", mount: "kubernetes-prod", tokenPolicies: ["payments-api", "default"], tokenTtlSeconds: 3600, tokenMaxTtlSeconds: 86400,
        boundServiceAccountNames: ["payments-api"], boundServiceAccountNamespaces: ["payments"],
      });
      expect(role("payments-api-deploy")).toMatchObject({ method: "jwt", mount: "github-actions", boundClaims: { repository: "acme/payments-api", ref: "refs/heads/main" }, userClaim: "actor", tokenTtlSeconds: 900 });
      expect(role("legacy-batch")).toMatchObject({ method: "approle", mount: "approle", tokenPolicies: ["legacy"] });
    });
    it("keeps unresolvable references as text and warns", () => {
      expect(role("mystery")?.mount).toBe("${data.terraform_remote_state.platform.outputs.k8s_mount}");
      expect(problem("mystery: backend = ${data.terraform_remote_state")).toMatchObject({ severity: "warning", file: "vault/roles.tf", line: 31 });
      expect(problem("mystery: token_policies = ${concat(")).toBeDefined();
    });
  });

  it("links identity groups, group policies, member groups and aliases", () => {
    const groups = Object.fromEntries(result.vault.identityGroups.map((g) => [g.name, g]));
    expect(groups["payments-engineers"]).toMatchObject({ type: "external", policies: ["payments-read", "payments-debug"], aliases: [{ name: "okta-payments-engineers", mount: "oidc" }] });
    expect(groups.engineering).toMatchObject({ type: "internal", memberGroups: ["payments-engineers"] });
  });

  it("reads mounts, KV settings and engine roles", () => {
    const mount = (p: string) => result.vault.mounts.find((m) => m.path === p);
    expect(mount("kv-prod")).toMatchObject({ kind: "secret", type: "kv", kvVersion: 2 });
    expect(mount("secret")).toMatchObject({ kvVersion: 1 });
    expect(mount("database-prod")).toMatchObject({ type: "database", defaultLeaseTtlSeconds: 3600 });
    expect(mount("approle")).toMatchObject({ kind: "auth", type: "approle" });
    expect(mount("github-actions")).toMatchObject({ kind: "auth", type: "jwt" });
    expect(result.vault.kvSettings).toEqual([expect.objectContaining({ mount: "kv-prod", maxVersions: 10, casRequired: true, deleteVersionAfterSeconds: 7776000 })]);
    expect(result.vault.secretRoles.map((r) => [r.readPath, r.defaultTtlSeconds, r.maxTtlSeconds])).toEqual([["database-prod/creds/orders-rw", 3600, 86400], ["pki-int/issue/web", 2592000, null]]);
  });

  it("reports syntax errors with line and column and keeps reading other files", () => {
    expect(result.problems).toContainEqual(expect.objectContaining({ file: "broken/syntax.tf", line: 7, column: 10, severity: "error", message: expect.stringContaining("Invalid expression") }));
    expect(result.problems).toContainEqual(expect.objectContaining({ file: "broken/bad.tf.json", line: 1, column: 3, severity: "error" }));
    expect(problem("module \"team_search\" is not expanded")).toMatchObject({ line: 72 });
  });
});

describe("interpolations", () => {
  it("finds ${} spans with nested braces and quotes, skipping $${ escapes", () => {
    expect(interpolations('a-${var.b}-${f({x = "}"})}-$${lit}').map((s) => s.expr)).toEqual(["var.b", 'f({x = "}"})']);
  });
});

describe("robustness", () => {
  it("never throws on arbitrary text", async () => {
    await fc.assert(fc.asyncProperty(fc.string(), async (text) => { await parseTerraform([{ file: "x.tf", text }, { file: "y.tf.json", text }]); }), { numRuns: 100 });
  });
  it("never throws on self-referencing or odd expressions", async () => {
    const expr = fc.constantFrom("${local.a}", "${local.b}", "${var.v}", "${vault_policy.p.name}", "${file(\"x\")}", "${", "$${x}", "${path.module}", "${data.vault_policy_document.d.hcl}", "x");
    const value = fc.oneof(expr, fc.array(expr, { maxLength: 3 }));
    const doc = fc.record({ locals: fc.record({ a: value, b: value }), variable: fc.record({ v: fc.record({ default: value }) }), resource: fc.record({ vault_policy: fc.record({ p: fc.array(fc.record({ name: value, policy: value }), { minLength: 1, maxLength: 1 }) }), vault_kubernetes_auth_backend_role: fc.record({ r: fc.array(fc.record({ backend: value, role_name: value, token_policies: value }), { minLength: 1, maxLength: 1 }) }) }) });
    await fc.assert(fc.asyncProperty(doc, async (d) => { await parseTerraform([{ file: "x.tf.json", text: JSON.stringify(d) }]); }), { numRuns: 200 });
  });
  it("never throws on arbitrary resource shapes", async () => {
    const types = fc.constantFrom("vault_policy", "vault_mount", "vault_auth_backend", "vault_kubernetes_auth_backend_role", "vault_jwt_auth_backend_role", "vault_identity_group", "vault_identity_group_alias", "vault_identity_group_policies", "vault_database_secret_backend_role", "vault_kv_secret_backend_v2");
    const doc = fc.record({ resource: fc.dictionary(types, fc.dictionary(fc.string(), fc.array(fc.dictionary(fc.string(), fc.jsonValue()), { maxLength: 1 }))), locals: fc.jsonValue(), variable: fc.jsonValue() });
    await fc.assert(fc.asyncProperty(doc, async (d) => { await parseTerraform([{ file: "x.tf.json", text: JSON.stringify(d) }]); }), { numRuns: 200 });
  });
});

describe("applyLeaseTtls", () => {
  it("fills the lease TTL of leased consumptions from engine roles", async () => {
    const { applyLeaseTtls } = await import("./lease-ttls");
    const r = await parseTerraform(files);
    const edge = (vaultPath: string, leased: boolean): ParsedConsumption => ({
      workloadKey: "k", vaultPath, leased, keys: [], mechanism: "vault-agent", refreshIntervalSeconds: null, refreshTrigger: "lease-renewal", syncDelaySeconds: 0, leaseTtlSeconds: null,
      reload: "restart", delivery: "file", identity: { authMount: null, role: null, serviceAccount: null, namespace: null }, via: "", notes: [], sourceFile: "f", line: 1,
    });
    const out = applyLeaseTtls([edge("database-prod/creds/orders-rw", true), edge("kv/data/x", false)], r.vault.secretRoles);
    expect(out.map((c) => c.leaseTtlSeconds)).toEqual([3600, null]);
  });
});
