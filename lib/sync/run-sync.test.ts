import { execFileSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getActiveSnapshotId } from "@/lib/db/snapshots";
import { runSync } from "./run-sync";
import { startSyncWorld, toIdentityKey, type SyncWorld } from "./test-support";

const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();

function groupKeys<T>(rows: T[], key: (r: T) => string, value: (r: T) => string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), value(r)]);
  return new Map([...out].map(([k, v]) => [k, sorted(v)]));
}

describe("runSync over the demo organisation", () => {
  let w: SyncWorld;
  let snapshotId: string;
  beforeAll(async () => {
    w = await startSyncWorld();
    const result = await runSync({ trigger: "manual" }, w.deps());
    expect(result).toMatchObject({ status: "succeeded", error: null });
    snapshotId = (await getActiveSnapshotId(w.database.prisma)) as string;
    expect(snapshotId).toBeTruthy();
  });
  afterAll(async () => {
    await w?.close();
  });

  it("stores every secret of the world, and nothing else", async () => {
    const rows = await w.database.prisma.secret.findMany({ where: { snapshotId }, select: { key: true } });
    const expected = w.groundTruth.secrets.map((s) => `${s.cluster}:${s.mount}/${s.path}`);
    expect(sorted(rows.map((r) => r.key))).toEqual(sorted(expected));
  });

  it("materialises readers and list-only holders per secret exactly as the ground truth says", async () => {
    const grants = await w.database.prisma.grant.findMany({
      where: { snapshotId },
      select: { capabilities: true, secret: { select: { key: true } }, identity: { select: { key: true } } },
    });
    const readers = groupKeys(grants.filter((g) => g.capabilities.includes("read")), (g) => g.secret.key, (g) => g.identity.key);
    const listOnly = groupKeys(grants.filter((g) => !g.capabilities.includes("read")), (g) => g.secret.key, (g) => g.identity.key);
    const summaries = new Map((await w.database.prisma.secret.findMany({ where: { snapshotId }, select: { key: true, readerCount: true, listOnlyCount: true } })).map((s) => [s.key, s]));
    const mismatches: string[] = [];
    for (const s of w.groundTruth.secrets) {
      const key = `${s.cluster}:${s.mount}/${s.path}`;
      const wantReaders = sorted(s.readers.map((r) => toIdentityKey(s.cluster, r)));
      const wantList = sorted(s.listOnly.map((r) => toIdentityKey(s.cluster, r)));
      if (JSON.stringify(readers.get(key) ?? []) !== JSON.stringify(wantReaders)) mismatches.push(`${key} readers: got ${readers.get(key)} want ${wantReaders}`);
      if (JSON.stringify(listOnly.get(key) ?? []) !== JSON.stringify(wantList)) mismatches.push(`${key} list-only: got ${listOnly.get(key)} want ${wantList}`);
      if (summaries.get(key)?.readerCount !== wantReaders.length) mismatches.push(`${key} readerCount ${summaries.get(key)?.readerCount} != ${wantReaders.length}`);
    }
    expect(mismatches).toEqual([]);
  });

  it("resolves consumers per secret as the ground truth says", async () => {
    const rows = await w.database.prisma.consumption.findMany({
      where: { snapshotId, secretId: { not: null } },
      select: { mechanism: true, secret: { select: { key: true } }, workload: { select: { key: true } }, identity: { select: { key: true } } },
    });
    const got = groupKeys(rows, (c) => c.secret?.key ?? "", (c) => `${c.workload.key} ${c.mechanism.replace("_", "-")}`);
    const mismatches: string[] = [];
    for (const s of w.groundTruth.secrets) {
      const key = `${s.cluster}:${s.mount}/${s.path}`;
      const want = sorted(s.consumers.map((c) => `${c.workload} ${c.mechanism}`));
      const have = got.get(key) ?? [];
      const missing = want.filter((x) => !have.includes(x));
      const extra = have.filter((x) => !want.includes(x));
      if (missing.length || extra.length) mismatches.push(`${key}: missing [${missing.join(", ")}] extra [${extra.join(", ")}]`);
    }
    expect(mismatches).toEqual([]);
    // Every resolved consumption logs in as an identity Vault knows.
    expect(rows.filter((r) => !r.identity).map((r) => r.workload.key)).toEqual([]);
  });

  it("stores leases and certificates in the same snapshot, linked to their secret, and opens the health alerts", async () => {
    const db = w.database.prisma;
    const failures = await db.lease.findMany({ where: { snapshotId, leaseId: { in: w.groundTruth.leases.renewalFailures } }, select: { leaseId: true, secretId: true } });
    expect(failures.map((l) => l.leaseId).sort()).toEqual([...w.groundTruth.leases.renewalFailures].sort());
    expect(failures.every((l) => l.secretId !== null)).toBe(true);
    const expiring = w.groundTruth.certificates.expiringWithin7Days;
    const certs = await db.certificate.findMany({ where: { snapshotId, serial: { in: expiring.map((c) => c.serial) } }, select: { commonName: true } });
    expect(certs.map((c) => c.commonName).sort()).toEqual(expiring.map((c) => c.commonName).sort());
    const alerts = await db.alert.findMany({ where: { rule: "certificate-expiring-7d", status: "open" }, select: { subject: true } });
    expect(alerts).toHaveLength(expiring.length);
    expect(await db.alert.count({ where: { rule: "lease-renewal-failure", status: "open" } })).toBeGreaterThan(0);
  });

  it("keeps the dangling reference of the orphan annotation, with a warning", async () => {
    const dangling = await w.database.prisma.consumption.findMany({ where: { snapshotId, secretId: null }, select: { secretRef: true, manifestFile: true } });
    expect(dangling).toEqual([{ secretRef: expect.stringContaining("does-not-exist"), manifestFile: "k8s-prod/payments-prod/orphan-annotation.yaml" }]);
  });

  it("stores malformed files as problems with file and line, reads only the committed main branch, and still succeeds", async () => {
    const tf = path.join(w.dir, "terraform");
    const git = (...args: string[]) => execFileSync("git", ["-C", tf, ...args], { env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@t", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@t" } });
    await writeFile(path.join(tf, "broken.tf"), 'resource "vault_policy" "broken" {\n  name = "broken"\n  policy = <<EOT\n');
    git("add", "broken.tf");
    git("commit", "-q", "--no-gpg-sign", "-m", "broken");
    // Neither an uncommitted file nor another branch may leak into the sync.
    await writeFile(path.join(tf, "uncommitted.tf"), "this is { not hcl");
    git("checkout", "-q", "-b", "feature");
    await writeFile(path.join(tf, "feature.tf"), "also { not hcl");
    git("add", "feature.tf");
    git("commit", "-q", "--no-gpg-sign", "-m", "feature");
    git("checkout", "-q", "main");
    await mkdir(path.join(w.dir, "manifests", "k8s-prod", "extra"), { recursive: true });
    await writeFile(path.join(w.dir, "manifests", "k8s-prod", "extra", "bad.yaml"), "apiVersion: apps/v1\nkind: Deployment\nmetadata: [unclosed\n");

    const result = await runSync({ trigger: "manual" }, w.deps());
    expect(result).toMatchObject({ status: "succeeded" });
    if (result.status === "already-running") throw new Error("unexpected");
    const problems = await w.database.prisma.syncProblem.findMany({ where: { syncRunId: result.runId } });
    expect(problems.find((p) => p.location === "broken.tf")).toMatchObject({ source: "terraform", severity: "error", line: expect.any(Number) });
    expect(problems.find((p) => p.location === "k8s-prod/extra/bad.yaml")).toMatchObject({ source: "kubernetes", severity: "error", line: expect.any(Number) });
    expect(problems.find((p) => p.location === "k8s-prod/payments-prod/broken-indentation.yaml")).toBeDefined();
    expect(problems.filter((p) => p.location.includes("uncommitted") || p.location.includes("feature"))).toEqual([]);
    expect(result.counts.problems).toBe(problems.length);
    const policies = await w.database.prisma.policy.findMany({ where: { snapshotId: result.snapshotId as string, origin: "terraform" }, select: { commit: true } });
    const head = execFileSync("git", ["-C", tf, "rev-parse", "main"]).toString().trim();
    expect(new Set(policies.map((p) => p.commit))).toEqual(new Set([head]));
  });
});
