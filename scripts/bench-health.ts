/**
 * Health benchmark: collectors against the stand-in, the snapshot write, alerts, and the /health
 * first view's data function on a real Postgres, at 100,000 leases and 20,000 certificates.
 *
 *   npx tsx --conditions=react-server scripts/bench-health.ts [--scale 250] [--concurrency 32] [--calls 60] [--skip-vault]
 *
 * (--conditions=react-server: lib/health's read side imports "server-only", as app code should.)
 * The stand-in runs in a child process (as a real Vault would be elsewhere), so the collect time
 * is the collector's own cost plus the stand-in's answers, not both on one CPU.
 * Prints collect time, write time, page-data median/p95, first-view bytes and peak RSS.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startStandinProcess } from "./lib/bench-support";
import { DEMO_TOKENS, generateDemoOrganisation } from "../lib/demo/generator";
import { createPrismaClient } from "../lib/db/create-client";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrate";
import { activateSnapshot, createSnapshot } from "../lib/db/snapshots";
import { upsertHealthAlerts } from "../lib/health/alerts";
import { getHealthPageData } from "../lib/health/page-data";
import { writeHealthRecords } from "../lib/health/repository";
import { collectCertificates } from "../lib/sources/vault-health/collect-certificates";
import { collectLeases } from "../lib/sources/vault-health/collect-leases";
import { createVaultReader } from "../lib/vault";
import type { VaultWorld } from "../lib/demo/vault-world";
import type { CertificateRecord, LeaseRecord } from "../lib/health/records";
import { leaseOrigin } from "../lib/sources/vault-health/lease-key";
import { parseCertificatePem } from "../lib/sources/vault-health/parse-certificate";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** The records the collectors would produce, built from the world directly (--skip-vault). */
function recordsFromWorld(world: VaultWorld) {
  const leases: LeaseRecord[] = world.leases.map((l) => {
    const o = leaseOrigin(world.clusterName, l.id);
    return { cluster: world.clusterName, leaseId: l.id, ...o, issueTime: l.issueTime, expireTime: l.expireTime, lastRenewalAt: l.lastRenewal, ttlSeconds: null, renewable: l.renewable };
  });
  const certificates: CertificateRecord[] = world.mounts.flatMap((m) => (m.type !== "pki" ? [] : m.pki.certificates.map((c) => {
    const p = parseCertificatePem(c.certificatePem);
    return { cluster: world.clusterName, issuerMount: m.path, serial: c.serial, commonName: p.commonName, sans: p.sans, issuer: p.issuer, notBefore: p.notBefore, notAfter: p.notAfter, revoked: c.revokedAt !== null, revokedAt: c.revokedAt, role: c.role, keyType: p.keyType, keyBits: p.keyBits, curve: p.curve, secretKey: null };
  })));
  return { leases: { leases, problems: [], requestCount: 0 }, certs: { certificates, issuers: [], roles: [], problems: [], requestCount: 0 } };
}


async function main(): Promise<void> {
  const scale = arg("scale", 250);
  const concurrency = arg("concurrency", 32);
  const calls = arg("calls", 60);
  // --skip-vault: records straight from the world (no HTTP), to iterate on the database side quickly.
  const skipVault = process.argv.includes("--skip-vault");
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const now = new Date();

  let t = performance.now();
  const org = generateDemoOrganisation({ seed: 1, scale, now });
  const world = org.clusters[0]!;
  console.log(`generated scale ${scale}: ${world.leases.length} leases, ${org.counts.certificates} certificates in ${s(performance.now() - t)}`);

  const root = mkdtempSync(path.join(os.tmpdir(), "radius-bench-health-"));
  chmodSync(root, 0o755);
  writeFileSync(path.join(root, "world.json"), JSON.stringify(world));
  const standin = await startStandinProcess(path.join(root, "world.json"));
  const pg = await startEmbeddedPostgres({ dataDir: path.join(root, "pg"), database: "radius_bench", unsafeFast: true });
  const db = createPrismaClient(pg.url, { maxConnections: 8 });
  try {
    const reader = createVaultReader({ address: standin.url, token: DEMO_TOKENS.readonly, timeoutMs: 30_000 });
    const pkiMounts = world.mounts.filter((m) => m.type === "pki").map((m) => m.path);
    t = performance.now();
    const leases = skipVault ? recordsFromWorld(world).leases : await collectLeases(reader, { cluster: world.clusterName, concurrency });
    const leaseMs = performance.now() - t;
    console.log(`collected ${leases.leases.length} leases in ${s(leaseMs)}`);
    t = performance.now();
    const certs = skipVault ? recordsFromWorld(world).certs : await collectCertificates(reader, { cluster: world.clusterName, pkiMounts, concurrency });
    const certMs = performance.now() - t;
    console.log(`collected ${certs.certificates.length} certificates in ${s(certMs)}`);

    await applyMigrations(pg.url);
    // The rest of the snapshot, as the sync would leave it: the ground truth's secrets and consumers.
    const snapshotId = await createSnapshot(db);
    const secrets = org.groundTruth.secrets;
    for (let i = 0; i < secrets.length; i += 5_000) {
      await db.secret.createMany({ data: secrets.slice(i, i + 5_000).map((x) => ({ snapshotId, key: `${x.cluster}:${x.mount}/${x.path}`, cluster: x.cluster, mount: x.mount, path: x.path, engineKind: x.kind, lifecycle: x.kind === "kv-v2" || x.kind === "database-static" ? ("static" as const) : ("dynamic" as const), environment: x.environment, ownerTeam: x.owner })) });
    }
    const workloadKeys = [...new Set(secrets.flatMap((x) => x.consumers.map((c) => c.workload)))];
    for (let i = 0; i < workloadKeys.length; i += 5_000) {
      await db.workload.createMany({ data: workloadKeys.slice(i, i + 5_000).map((key) => ({ snapshotId, key, kind: "deployment" as const, name: key.split("/").at(-1)! })) });
    }
    const secretIds = new Map((await db.secret.findMany({ where: { snapshotId }, select: { id: true, key: true } })).map((x) => [x.key, x.id]));
    const workloadIds = new Map((await db.workload.findMany({ where: { snapshotId }, select: { id: true, key: true } })).map((x) => [x.key, x.id]));
    const consumptions = secrets.flatMap((x) => x.consumers.map((c) => ({ snapshotId, workloadId: workloadIds.get(c.workload)!, secretId: secretIds.get(`${x.cluster}:${x.mount}/${x.path}`)!, secretRef: x.path, mechanism: "vault_agent" as const, reload: "hot" as const })));
    for (let i = 0; i < consumptions.length; i += 5_000) await db.consumption.createMany({ data: consumptions.slice(i, i + 5_000) });

    console.log("seeded the snapshot's secrets, workloads and consumptions");
    t = performance.now();
    const written = await db.$transaction((tx) => writeHealthRecords(tx, snapshotId, { leases: leases.leases, certificates: certs.certificates, issuers: certs.issuers }, secretIds), { timeout: 600_000 });
    const writeMs = performance.now() - t;
    await activateSnapshot(db, snapshotId);
    await db.$executeRawUnsafe("ANALYZE");
    t = performance.now();
    const alerts = await upsertHealthAlerts(db, snapshotId, now);
    const alertMs = performance.now() - t;

    const ctx = { db, user: { email: "bench@example.com", name: "bench", roles: ["engineer" as const] }, now } as Parameters<typeof getHealthPageData>[0];
    // Cold: the 30-second aggregate cache bypassed, every call computes everything (the worst case).
    // Warm: what most page views cost (aggregates cached per snapshot and 30-second window).
    const measure = async (noCache: boolean) => {
      const times: number[] = [];
      for (let i = 0; i < calls; i++) {
        t = performance.now();
        await getHealthPageData({ ...ctx, noCache }, i % 2 ? { view: "certificates" } : {});
        times.push(performance.now() - t);
      }
      return times.sort((a, b) => a - b);
    };
    await getHealthPageData({ ...ctx, noCache: true }, {});
    const times = await measure(true);
    const warm = await measure(false);
    const first = await getHealthPageData(ctx, {});
    const bytes = Buffer.byteLength(JSON.stringify(first));
    const clientProps = Buffer.byteLength(JSON.stringify({ byHour: first.overview.leases.byHour, byDay: first.overview.leases.byDay, ttl: [first.overview.leases.ttlByMount, first.overview.leases.ttlByRole], weeks: first.overview.certificates.byWeek }));
    console.table({
      leases: { value: `${leases.leases.length} (${leases.requestCount} requests, ${leases.problems.length} problems)` },
      certificates: { value: `${certs.certificates.length} (${certs.requestCount} requests, ${certs.problems.length} problems), ${certs.issuers.length} issuers` },
      "collect leases": { value: s(leaseMs) },
      "collect certificates": { value: s(certMs) },
      "write rows": { value: `${s(writeMs)} (${written.leases} leases, ${written.certificates} certificates, ${written.issuers} issuers, ${written.unresolvedSecrets} unresolved secret keys)` },
      alerts: { value: `${s(alertMs)} (${alerts.opened} opened)` },
      "page data cold median / p95": { value: `${times[Math.floor(times.length / 2)]!.toFixed(0)} / ${pct(times, 95).toFixed(0)} ms (${calls} calls, alternating leases/certificates view, no cache)` },
      "page data warm median / p95": { value: `${warm[Math.floor(warm.length / 2)]!.toFixed(0)} / ${pct(warm, 95).toFixed(0)} ms (aggregates cached 30 s)` },
      "first-view data (JSON)": { value: `${(bytes / 1024).toFixed(1)} KB; chart props ${(clientProps / 1024).toFixed(1)} KB` },
      "renewal failures / expiring certs": { value: `${first.overview.leases.renewalFailures} / ${first.overview.certificates.expiringWithin7d}` },
      "peak RSS": { value: mb(peakRss) },
    });
  } finally {
    clearInterval(sampler);
    await db.$disconnect();
    await pg.stop();
    standin.child.kill("SIGTERM");
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
