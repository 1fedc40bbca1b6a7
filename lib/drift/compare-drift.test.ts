import { describe, expect, it } from "vitest";
import { parsePolicy } from "@/lib/policy";
import { compareDrift } from "./compare-drift";
import type { AuthRoleSide, DriftInput, MountSide, PolicySide } from "./drift-input";

const at = (file: string, line = 1, address = "vault_x.y") => ({ file, line, address });

async function policy(name: string, text: string): Promise<PolicySide> {
  try {
    const parsed = await parsePolicy(name, text);
    return { name, rawHcl: text, rules: parsed.rules, parseError: parsed.errors.length ? "invalid" : null };
  } catch (error) {
    return { name, rawHcl: text, rules: null, parseError: String(error) };
  }
}

function input(parts: {
  live?: { policies?: PolicySide[]; authRoles?: AuthRoleSide[]; mounts?: MountSide[] };
  tf?: { policies?: PolicySide[]; authRoles?: AuthRoleSide[]; mounts?: MountSide[] };
}): DriftInput {
  return {
    cluster: "primary", commit: "c0ffee",
    live: { policies: parts.live?.policies ?? [], authRoles: parts.live?.authRoles ?? [], mounts: parts.live?.mounts ?? [] },
    terraform: {
      policies: (parts.tf?.policies ?? []).map((p) => ({ ...p, origin: at("policies.tf") })),
      authRoles: (parts.tf?.authRoles ?? []).map((r) => ({ ...r, origin: at("roles.tf") })),
      mounts: (parts.tf?.mounts ?? []).map((m) => ({ ...m, origin: at("mounts.tf") })),
    },
  };
}

const role = (over: Partial<AuthRoleSide> = {}): AuthRoleSide => ({
  mount: "kubernetes", roleName: "app", method: "kubernetes", tokenPolicies: ["app"], tokenTtl: 3600, tokenMaxTtl: null,
  boundServiceAccountNames: ["app"], boundServiceAccountNamespaces: ["payments"], ...over,
});

describe("compareDrift: same meaning, different text, is not drift", () => {
  it("policies: capability order, repeated path blocks, JSON vs HCL, comments, whitespace and a leading slash", async () => {
    const live = await policy("p", `path "kv/data/x/*" {\n  capabilities = ["read", "list"]\n}\npath "kv/metadata/x/*" { capabilities = ["list"] }\n`);
    const tf = await policy("p", `# managed by Terraform
path "/kv/data/x/*" {
  capabilities = ["list"]
  comment      = "why"
}
path "kv/data/x/*" {
  capabilities = ["read"]
}
path "kv/metadata/x/*" {
    capabilities = [ "list" ]
}`);
    const json = await policy("p", JSON.stringify({ path: { "kv/metadata/x/*": { capabilities: ["list"] }, "kv/data/x/*": { capabilities: ["list", "read"] } } }));
    expect(compareDrift(input({ live: { policies: [live] }, tf: { policies: [tf] } })).items).toEqual([]);
    expect(json.rules?.map((r) => r.path)).toEqual(["kv/metadata/x/*", "kv/data/x/*"]); // another order, another syntax
    expect(compareDrift(input({ live: { policies: [live] }, tf: { policies: [json] } })).items).toEqual([]);
  });

  it("policies that do not parse compare as text, with whitespace folded", async () => {
    const broken = "path \"kv/*\" { capabilities = [\"read\"\n";
    const a = await policy("p", broken);
    const b = await policy("p", `${broken.replace(/ /g, "  ")}\n\n`);
    expect(a.rules).toBeNull();
    expect(compareDrift(input({ live: { policies: [a] }, tf: { policies: [b] } })).items).toEqual([]);
  });

  it("auth roles: durations as seconds, policy sets without `default`, bound claims as sets, mount spelling", () => {
    const live = role({ mount: "kubernetes", tokenPolicies: ["b", "a", "default"], tokenTtl: 3600, tokenMaxTtl: 0 });
    const tf = role({ mount: "auth/kubernetes/", tokenPolicies: ["a", "b"], tokenTtl: "1h", tokenMaxTtl: null, boundServiceAccountNamespaces: ["payments", "payments"] });
    expect(compareDrift(input({ live: { authRoles: [live] }, tf: { authRoles: [tf] } })).items).toEqual([]);

    const jwtLive: AuthRoleSide = { mount: "jwt", roleName: "ci", method: "jwt", tokenPolicies: ["ci"], tokenTtl: 900, tokenMaxTtl: "30m",
      boundAudiences: ["https://github.com/acme"], boundClaims: { ref: ["refs/heads/main", "refs/heads/dev"], repository: "acme/app" }, userClaim: "actor", roleType: "jwt" };
    const jwtTf: AuthRoleSide = { ...jwtLive, tokenTtl: "15m", tokenMaxTtl: 1800, boundClaims: { repository: ["acme/app"], ref: "refs/heads/dev, refs/heads/main" }, roleType: null };
    expect(compareDrift(input({ live: { authRoles: [jwtLive] }, tf: { authRoles: [jwtTf] } })).items).toEqual([]);
  });

  it("mounts: kv-v2 vs kv with version 2, generic vs kv v1, trailing slashes and the auth/ prefix", () => {
    const live: MountSide[] = [
      { kind: "secret", path: "kv-prod/", type: "kv", kvVersion: "2" }, { kind: "secret", path: "legacy", type: "generic" },
      { kind: "auth", path: "kubernetes-prod/", type: "kubernetes" },
    ];
    const tf: MountSide[] = [
      { kind: "secret", path: "kv-prod", type: "kv-v2" }, { kind: "secret", path: "/legacy/", type: "kv", kvVersion: 1 },
      { kind: "auth", path: "auth/kubernetes-prod", type: "kubernetes" },
    ];
    const result = compareDrift(input({ live: { mounts: live }, tf: { mounts: tf } }));
    expect(result.items).toEqual([]);
    expect(result.compared).toEqual({ policy: 0, "auth-role": 0, mount: 3 });
  });

  it("Vault's built-in default policy is not click-ops, but drifts when Terraform manages it", async () => {
    const live = await policy("default", `path "auth/token/lookup-self" { capabilities = ["read"] }`);
    expect(compareDrift(input({ live: { policies: [live] } })).items).toEqual([]);
    const tf = await policy("default", `path "auth/token/lookup-self" { capabilities = ["read", "update"] }`);
    expect(compareDrift(input({ live: { policies: [live] }, tf: { policies: [tf] } })).items.map((i) => i.status)).toEqual(["different"]);
  });
});

describe("compareDrift: what drifts, and how it is explained", () => {
  it("a rule granting more live than in Terraform names the rule and both capability sets", async () => {
    const live = await policy("team-x", `path "kv/data/x/*" { capabilities = ["read", "list"] }\npath "kv-prod/data/x/*" { capabilities = ["read"] }`);
    const tf = await policy("team-x", `path "kv/data/x/*" { capabilities = ["read"] }`);
    const [item] = compareDrift(input({ live: { policies: [live] }, tf: { policies: [tf] } })).items;
    expect(item).toMatchObject({ kind: "policy", name: "team-x", status: "different", commit: "c0ffee", terraform: { file: "policies.tf", line: 1 } });
    expect(item!.differences.map((d) => d.text)).toEqual([
      "rule kv-prod/data/x/*: live grants read; not in Terraform",
      "rule kv/data/x/*: live grants list, read; Terraform grants read",
    ]);
    expect(item!.explanation).toContain("rule kv/data/x/*: live grants list, read; Terraform grants read");
  });

  it("a trailing slash on a rule path is a different path to Vault, so it drifts", async () => {
    const live = await policy("p", `path "kv/data/x/" { capabilities = ["read"] }`);
    const tf = await policy("p", `path "kv/data/x" { capabilities = ["read"] }`);
    expect(compareDrift(input({ live: { policies: [live] }, tf: { policies: [tf] } })).items[0]?.differences).toHaveLength(2);
  });

  it("parameter constraints differ with the same capabilities", async () => {
    const live = await policy("p", `path "sys/x" {\n  capabilities = ["update"]\n  allowed_parameters = { "a" = [] }\n}`);
    const tf = await policy("p", `path "sys/x" {\n  capabilities = ["update"]\n  allowed_parameters = { "b" = [] }\n}`);
    expect(compareDrift(input({ live: { policies: [live] }, tf: { policies: [tf] } })).items[0]?.differences[0]?.text).toContain("different parameter/wrapping constraints");
  });

  it("vault-only, terraform-only and different roles and mounts, with their Terraform location", () => {
    const result = compareDrift(input({
      live: { authRoles: [role({ roleName: "clickops" }), role({ roleName: "app", tokenPolicies: ["app", "extra"], tokenTtl: "2h" })], mounts: [{ kind: "secret", path: "kv", type: "kv", kvVersion: "2" }] },
      tf: { authRoles: [role({ roleName: "canary" }), role({ roleName: "app" })], mounts: [{ kind: "secret", path: "kv", type: "kv", kvVersion: 1 }, { kind: "auth", path: "approle", type: "approle" }] },
    }));
    const byName = Object.fromEntries(result.items.map((i) => [i.name, i]));
    expect(byName["auth/kubernetes/role/clickops"]).toMatchObject({ status: "vault-only", terraform: null });
    expect(byName["auth/kubernetes/role/canary"]).toMatchObject({ status: "terraform-only", terraform: { file: "roles.tf" } });
    expect(byName["auth/kubernetes/role/canary"]!.explanation).toContain("roles.tf:1 declares this auth role");
    expect(byName["auth/kubernetes/role/app"]!.differences.map((d) => d.text)).toEqual([
      "token_policies: live app, extra; Terraform app (live adds extra)",
      "token_ttl: live 2 h (7200 s); Terraform 1 h (3600 s)",
    ]);
    expect(byName.kv!.differences[0]!.text).toBe("options.version: live kv v2; Terraform kv v1");
    expect(byName["auth/approle"]).toMatchObject({ kind: "mount", status: "terraform-only" });
    expect(result.compared).toEqual({ policy: 0, "auth-role": 3, mount: 2 });
  });

  it("a bound claim or audience that differs is drift; a field one side does not state is not compared", () => {
    const live: AuthRoleSide = { mount: "jwt", roleName: "ci", method: "jwt", tokenPolicies: [], tokenTtl: null, tokenMaxTtl: null, boundAudiences: ["a"], boundClaims: { ref: "refs/heads/main" }, userClaim: "actor", roleType: "jwt" };
    const tf: AuthRoleSide = { ...live, boundClaims: { ref: "refs/heads/*" }, boundAudiences: undefined, userClaim: null };
    const [item] = compareDrift(input({ live: { authRoles: [live] }, tf: { authRoles: [tf] } })).items;
    expect(item!.differences.map((d) => d.field)).toEqual(["bound_claims"]);
    expect(item!.differences[0]!.text).toBe("bound_claims: live ref=refs/heads/main; Terraform ref=refs/heads/*");
  });
});
