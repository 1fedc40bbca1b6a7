import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "@cdktf/hcl2json";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoOrg } from "./test-fixture";
import { writeDemoOrganisation } from "./write";

type Resources = Record<string, Record<string, Array<Record<string, unknown>>>>;

describe("terraform repository", () => {
  const org = demoOrg();
  const dirs: string[] = [];
  let dir = "";
  const git = (args: string[], cwd = path.join(dir, "terraform")): string => execFileSync("git", args, { cwd, encoding: "utf8" }).trim();

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "radius-demo-"));
    dirs.push(dir);
    await writeDemoOrganisation(org, dir);
  });
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it("is a git repository on main with deterministic history", async () => {
    expect(git(["rev-parse", "--abbrev-ref", "HEAD"])).toBe("main");
    expect(git(["log", "--format=%s"]).split("\n")).toHaveLength(2);
    expect(git(["status", "--porcelain"])).toBe("");
    const other = mkdtempSync(path.join(tmpdir(), "radius-demo-"));
    dirs.push(other);
    await writeDemoOrganisation(org, other);
    expect(git(["rev-parse", "HEAD"], path.join(other, "terraform"))).toBe(git(["rev-parse", "HEAD"]));
  });

  it("parses with hcl2json, every file", async () => {
    const tf = org.terraform.files.filter((f) => f.path.endsWith(".tf"));
    expect(tf.length).toBeGreaterThan(org.counts.teams);
    for (const f of tf) await expect(parse(f.path, f.content), f.path).resolves.toBeTypeOf("object");
    // policy files are Vault HCL: they parse as HCL too
    for (const f of org.terraform.files.filter((x) => x.path.endsWith(".hcl"))) await expect(parse(f.path, f.content), f.path).resolves.toHaveProperty("path");
  });

  it("mirrors Vault except the listed drift", async () => {
    const world = org.clusters[0]!;
    const resources: Resources = {};
    for (const f of org.terraform.files.filter((x) => x.path.endsWith(".tf"))) {
      const json = (await parse(f.path, f.content)) as { resource?: Resources };
      for (const [type, byName] of Object.entries(json.resource ?? {})) resources[type] = { ...resources[type], ...byName };
    }
    const policyNames = Object.values(resources.vault_policy ?? {}).map((r) => r[0]!.name as string);
    const live = Object.keys(world.policies);
    const drift = org.groundTruth.drift;
    const onlyVault = drift.find((d) => d.kind === "policy-only-in-vault")!.name;
    expect(live.filter((p) => !policyNames.includes(p))).toEqual([onlyVault]);
    expect(policyNames.filter((p) => !live.includes(p))).toEqual([]);

    const k8sTf = Object.values(resources.vault_kubernetes_auth_backend_role ?? {}).map((r) => r[0]!.role_name as string);
    const k8sLive = world.authMounts.flatMap((m) => m.kubernetesRoles ?? []).map((r) => r.name);
    const onlyTf = drift.find((d) => d.kind === "role-only-in-terraform")!.name.split("/").pop();
    expect(k8sTf.filter((r) => !k8sLive.includes(r))).toEqual([onlyTf]);

    const differ = drift.find((d) => d.kind === "policy-rules-differ")!;
    const tfText = readFileSync(path.join(dir, differ.terraformFile!), "utf8");
    expect(tfText).toContain(`name   = "${differ.name}"`);
    expect(world.policies[differ.name]).toContain(`kv-prod/data/${differ.name.replace("team-", "")}/prod/*`);
    const block = tfText.split(`resource "vault_policy" "${differ.name.replace(/-/g, "_")}"`)[1]?.split("\nresource ")[0] ?? "";
    expect(block).toContain("kv/data/"); // the Terraform side of the same policy ...
    expect(block).not.toContain(`kv-prod/data/${differ.name.replace("team-", "")}/prod/*`); // ... without the UI-added rule

    for (const type of ["vault_mount", "vault_kv_secret_backend_v2", "vault_jwt_auth_backend_role", "vault_approle_auth_backend_role", "vault_identity_group", "vault_identity_group_alias", "vault_database_secret_backend_role", "vault_pki_secret_backend_role"]) {
      expect(Object.keys(resources[type] ?? {}).length, type).toBeGreaterThan(0);
    }
  });

  it("holds exactly the live policy text, except the drifted policy", async () => {
    const world = org.clusters[0]!;
    const drifted = org.groundTruth.drift.find((d) => d.kind === "policy-rules-differ")!.name;
    let compared = 0;
    for (const f of org.terraform.files.filter((x) => /team-[a-z0-9-]+\.tf$/.test(x.path))) {
      const json = (await parse(f.path, f.content)) as { resource?: Resources };
      for (const [r] of Object.values(json.resource?.vault_policy ?? {})) {
        const name = r!.name as string;
        const text = (r!.policy as string).trimEnd();
        if (name === drifted) expect(text).not.toBe(world.policies[name]!.trimEnd());
        else expect(text, name).toBe(world.policies[name]!.trimEnd());
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(org.counts.services * 2);
  });

  it("uses both inline heredoc and file() policies", () => {
    const all = org.terraform.files.map((f) => f.content).join("\n");
    expect(all).toContain("<<-EOT");
    expect(all).toMatch(/file\("\$\{path\.module\}\/policies\/[a-z-]+\.hcl"\)/);
  });
});
