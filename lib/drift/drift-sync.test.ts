import { execFileSync } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/user";
import type { GroundTruth } from "@/lib/demo/generator";
import { csvStream } from "@/lib/inventory/csv";
import { runSync } from "@/lib/sync/run-sync";
import { startSyncWorld, type SyncWorld } from "@/lib/sync/test-support";
import type { DriftContext } from "./context";
import { DRIFT_CSV } from "./csv-columns";
import { driftListSchema } from "./schemas";
import { getDriftSummary, listDrift, openDriftExport } from "./service";

const security: CurrentUser = { email: "sam@radius.example", name: "Sam", roles: ["security"] };
const engineer: CurrentUser = { email: "alice@radius.example", name: "Alice", roles: ["engineer"] };

/** Ground truth's drift kinds in the portal's terms: "<kind> <status>". */
const AS_DRIFT: Record<GroundTruth["drift"][number]["kind"], string> = {
  "policy-only-in-vault": "policy vault-only",
  "role-only-in-terraform": "auth-role terraform-only",
  "policy-rules-differ": "policy different",
};

// Ground truth names files from the demo root ("terraform/team-x.tf"); the sync from the Terraform directory.
const repoFile = (file: string | null) => (file ? file.replace(/^terraform\//, "") : null);
const ident = (name: string) => name.replace(/[^A-Za-z0-9_]/g, "_");
const policyResource = (name: string, text: string) => `resource "vault_policy" "${ident(name)}" {\n  name   = ${JSON.stringify(name)}\n  policy = <<EOT\n${text.trimEnd()}\nEOT\n}\n`;

describe("drift over the demo organisation", () => {
  let w: SyncWorld;
  let tf: string;
  let as: (user: CurrentUser) => DriftContext;
  const git = (...args: string[]) => execFileSync("git", ["-C", tf, ...args], {
    env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@t", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@t" },
  }).toString().trim();
  const list = (user: CurrentUser, raw: Record<string, string> = {}) => listDrift(as(user), driftListSchema.parse(raw));

  beforeAll(async () => {
    w = await startSyncWorld();
    tf = path.join(w.dir, "terraform");
    as = (user) => ({ db: w.database.prisma, user });
    expect(await runSync({ trigger: "manual" }, w.deps())).toMatchObject({ status: "succeeded", counts: { drift: w.groundTruth.drift.length } });
  });
  afterAll(async () => {
    await w?.close();
  });

  it("detects exactly the drift the ground truth lists: kinds, names and Terraform files", async () => {
    const { rows } = await list(security, { pageSize: "200" });
    const got = rows.map((r) => `${r.kind} ${r.status} ${r.name} ${r.terraform?.file ?? "-"}`).sort();
    const want = w.groundTruth.drift.map((d) => `${AS_DRIFT[d.kind]} ${d.name} ${d.kind === "policy-only-in-vault" ? "-" : repoFile(d.terraformFile)}`).sort();
    expect(got).toEqual(want);
    const head = git("rev-parse", "main");
    expect(new Set(rows.map((r) => r.commit))).toEqual(new Set([head]));
    expect(rows.filter((r) => r.terraform).every((r) => (r.terraform?.line ?? 0) > 0 && r.terraform?.address)).toBe(true);
  });

  it("explains the rule the UI added, and offers only the click-ops policy for codifying", async () => {
    const differ = w.groundTruth.drift.find((d) => d.kind === "policy-rules-differ")!;
    const team = differ.name.replace(/^team-/, "");
    const [row] = (await list(security, { kind: "policy", status: "different" })).rows;
    expect(row?.explanation).toBe(`rule kv-prod/data/${team}/prod/*: live grants read; not in Terraform`);
    const clickOps = w.groundTruth.drift.find((d) => d.kind === "policy-only-in-vault")!.name;
    expect((await list(security)).rows.filter((r) => r.codifiable).map((r) => r.name)).toEqual([clickOps]);
    // Search reaches the explanation (rule paths), every word must match.
    expect((await list(security, { q: `kv-prod/data/${team} read` })).rows.map((r) => r.name)).toEqual([differ.name]);
    expect((await list(security, { sort: "name", dir: "desc" })).rows.map((r) => r.name)).toEqual((await list(security, { sort: "name" })).rows.map((r) => r.name).reverse());
  });

  it("summarises as fail with counts per kind and status; engineers see the verdict but not the list", async () => {
    const summary = await getDriftSummary(as(security));
    expect(summary).toMatchObject({ status: "fail", total: 3, byStatus: { "vault-only": 1, "terraform-only": 1, different: 1 }, byKind: { policy: 2, "auth-role": 1, mount: 0 } });
    expect(summary.comparison).toMatchObject({ cluster: w.groundTruth.clusters[0]!.name, commit: git("rev-parse", "main") });
    expect(summary.comparison!.compared.mount).toBeGreaterThan(5);
    expect((await getDriftSummary(as(engineer))).status).toBe("fail");
    await expect(list(engineer)).rejects.toMatchObject({ code: "forbidden" });
    expect(() => openDriftExport(as(engineer), driftListSchema.parse({}))).toThrow(expect.objectContaining({ code: "forbidden" }));
  });

  it("exports the filtered list as CSV", async () => {
    const text = await new Response(csvStream(DRIFT_CSV, openDriftExport(as(security), driftListSchema.parse({ status: "terraform-only" })))).text();
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toBe("cluster,kind,name,status,explanation,differences,terraform_file,terraform_line,terraform_address,terraform_commit");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(w.groundTruth.drift.find((d) => d.kind === "role-only-in-terraform")!.name);
  });

  it("is unknown, not pass, when Terraform cannot be read; the old snapshot's drift rows go with it", async () => {
    const unreadable = { ...w.config, terraform: { repo: path.join(w.dir, "no-such-repo"), branch: "main", dir: "." } };
    expect(await runSync({ trigger: "manual" }, w.deps({ config: unreadable }))).toMatchObject({ status: "partial" });
    expect(await getDriftSummary(as(security))).toMatchObject({ status: "unknown", comparison: null, total: 0 });
    expect((await list(security)).comparison).toBeNull();
    const left = await w.database.prisma.$queryRaw<{ items: number; comparisons: number }[]>`
      SELECT (SELECT count(*)::int FROM drift_items) AS items, (SELECT count(*)::int FROM drift_comparisons) AS comparisons`;
    expect(left).toEqual([{ items: 0, comparisons: 0 }]);
  });

  it("passes once every drift is brought into Terraform: codified policy, canary removed, UI rule committed", async () => {
    const world = JSON.parse(await readFile(path.join(w.dir, "world.json"), "utf8")) as { policies: Record<string, string> };
    const clickOps = w.groundTruth.drift.find((d) => d.kind === "policy-only-in-vault")!.name;
    const canary = w.groundTruth.drift.find((d) => d.kind === "role-only-in-terraform")!;
    const differ = w.groundTruth.drift.find((d) => d.kind === "policy-rules-differ")!;
    await writeFile(path.join(tf, "codified.tf"), policyResource(clickOps, world.policies[clickOps]!));
    await rm(path.join(tf, repoFile(canary.terraformFile)!));
    const teamFile = path.join(tf, repoFile(differ.terraformFile)!);
    const before = await readFile(teamFile, "utf8");
    const start = before.indexOf(`resource "vault_policy" "${ident(differ.name)}" {`);
    const end = before.indexOf("\n}\n", start) + 3;
    expect(start).toBeGreaterThanOrEqual(0);
    await writeFile(teamFile, before.slice(0, start) + policyResource(differ.name, world.policies[differ.name]!) + before.slice(end));
    git("add", "-A");
    git("commit", "-q", "--no-gpg-sign", "-m", "codify drift");

    expect(await runSync({ trigger: "manual" }, w.deps())).toMatchObject({ status: "succeeded", counts: { drift: 0 } });
    const summary = await getDriftSummary(as(security));
    expect(summary).toMatchObject({ status: "pass", total: 0, comparison: { commit: git("rev-parse", "main") } });
    expect(summary.evidence).toMatch(/^No drift: /);
    expect((await list(security)).rows).toEqual([]);
  });
});
