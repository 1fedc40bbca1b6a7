import { readFile, stat } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuditIngestJob } from "@/lib/audit-ingest/ingest-job";
import type { AuditIngestConfig } from "@/lib/audit-ingest/ingest-config";
import { TEST_NOW } from "@/lib/demo/generator/test-fixture";
import { runSync } from "@/lib/sync/run-sync";
import { startSyncWorld, toIdentityKey, type SyncWorld } from "@/lib/sync/test-support";

const DAY = 86_400_000;

describe("audit ingestion of the demo organisation's log", () => {
  let w: SyncWorld;
  let file: string;
  let cluster: string;
  const config = (over: Partial<AuditIngestConfig> = {}): AuditIngestConfig => ({
    filePath: file, socketPort: null, socketHost: "127.0.0.1", cluster: null, retentionDays: 3650, intervalMs: 1000, batchLines: 500, ...over,
  });
  beforeAll(async () => {
    w = await startSyncWorld();
    expect((await runSync({ trigger: "manual" }, w.deps())).status).toBe("succeeded");
    file = path.join(w.dir, w.groundTruth.audit.file);
    cluster = w.groundTruth.clusters[0]!.name;
  });
  afterAll(async () => {
    await w?.close();
  });

  it("stores every line once, resolves identities and secrets, and counts reads as the ground truth does", async () => {
    const job = new AuditIngestJob({ databaseUrl: w.database.url, config: config(), now: () => TEST_NOW, log: () => undefined });
    const first = await job.tick();
    expect(first).toMatchObject({ status: "ingested", events: w.groundTruth.audit.lines, malformed: 0 });
    expect(await job.tick()).toMatchObject({ status: "ingested", events: 0 });
    await job.stop();

    const db = w.database.prisma;
    expect(await db.auditEvent.count()).toBe(w.groundTruth.audit.lines);
    const checkpoint = await db.auditIngestCheckpoint.findFirstOrThrow();
    expect(Number(checkpoint.offset)).toBe((await stat(file)).size);
    expect(Number(checkpoint.events)).toBe(w.groundTruth.audit.lines);

    // Successful value reads per (identity, secret): the ground truth's counts, plus the planted
    // ghost read (the generator leaves it out of readsInAuditLog on purpose).
    const expected = new Map<string, number>();
    for (const s of w.groundTruth.secrets) {
      const secretKey = `${s.cluster}:${s.mount}/${s.path}`;
      for (const [id, n] of Object.entries(s.readsInAuditLog)) expected.set(`${toIdentityKey(s.cluster, id)} ${secretKey}`, n);
      for (const id of s.ghostReaders) expected.set(`${toIdentityKey(s.cluster, id)} ${secretKey}`, (expected.get(`${toIdentityKey(s.cluster, id)} ${secretKey}`) ?? 0) + 1);
    }
    const stats = await db.accessStat.findMany();
    const actual = new Map(stats.map((s) => [`${s.identityKey} ${s.secretKey}`, s.reads90d]));
    expect(Object.fromEntries([...actual].sort())).toEqual(Object.fromEntries([...expected].sort()));
    for (const s of stats) {
      expect(s.reads30d).toBeLessThanOrEqual(s.reads90d);
      expect(s.lastReadAt!.getTime()).toBeGreaterThanOrEqual(s.firstReadAt!.getTime());
    }

    // Every value read in the log carries both keys; the root token is flagged.
    const unresolvedReads = await db.auditEvent.count({ where: { type: "response", operation: "read", error: null, path: { contains: "/data/" }, OR: [{ identityKey: null }, { secretKey: null }] } });
    expect(unresolvedReads).toBe(0);
    const root = w.groundTruth.audit.signals.find((s) => s.rule === "root-token-used")!;
    expect(await db.auditEvent.count({ where: { isRoot: true, path: root.paths[0] } })).toBe(2);
    const ghost = w.groundTruth.audit.signals.find((s) => s.rule === "ghost-reader")!;
    expect(await db.auditEvent.count({ where: { type: "response", identityKey: toIdentityKey(cluster, ghost.identity!), path: ghost.paths[0] } })).toBe(1);
  });

  it("moves the 30/90-day windows as days pass, keeping first and last reads", async () => {
    const db = w.database.prisma;
    const before = await db.accessStat.findMany({ orderBy: [{ identityKey: "asc" }, { secretKey: "asc" }] });
    const job = new AuditIngestJob({ databaseUrl: w.database.url, config: config(), now: () => new Date(TEST_NOW.getTime() + 40 * DAY), log: () => undefined });
    await job.tick();
    await job.stop();
    const later = await db.accessStat.findMany({ orderBy: [{ identityKey: "asc" }, { secretKey: "asc" }] });
    expect(later.every((s) => s.reads30d === 0)).toBe(true);
    expect(later.map((s) => s.reads90d)).toEqual(before.map((s) => s.reads90d));
    const gone = new AuditIngestJob({ databaseUrl: w.database.url, config: config(), now: () => new Date(TEST_NOW.getTime() + 130 * DAY), log: () => undefined });
    await gone.tick();
    await gone.stop();
    const after = await db.accessStat.findMany({ orderBy: [{ identityKey: "asc" }, { secretKey: "asc" }] });
    expect(after.every((s) => s.reads90d === 0)).toBe(true);
    expect(after.map((s) => s.lastReadAt?.toISOString())).toEqual(before.map((s) => s.lastReadAt?.toISOString()));
    expect(await db.accessDailyRead.count()).toBe(0);
  });

  it("drops daily partitions past the retention", async () => {
    const db = w.database.prisma;
    const job = new AuditIngestJob({ databaseUrl: w.database.url, config: config({ retentionDays: 10 }), now: () => TEST_NOW, log: () => undefined });
    await job.tick();
    await job.stop();
    const cutoff = new Date(Date.UTC(2026, 10, 23));
    expect(await db.auditEvent.count({ where: { time: { lt: cutoff } } })).toBe(0);
    expect(await db.auditEvent.count()).toBeGreaterThan(0);
  });

  it("ingests the socket audit device over TCP", async () => {
    const db = w.database.prisma;
    const clean = await readFile(path.join(w.dir, w.groundTruth.audit.cleanFile), "utf8");
    const lines = clean.trimEnd().split("\n");
    const job = new AuditIngestJob({ databaseUrl: w.database.url, config: config({ filePath: null, socketPort: 0 }), now: () => TEST_NOW, log: () => undefined });
    await job.tick();
    const port = job.socketPort!;
    const before = await db.auditEvent.count({ where: { cluster } });
    await new Promise<void>((resolve, reject) => {
      const socket = net.connect(port, "127.0.0.1", () => {
        // Written in awkward pieces, as TCP may deliver them, plus one malformed line.
        const payload = `${clean}not an audit line\n`;
        for (let i = 0; i < payload.length; i += 7919) socket.write(payload.slice(i, i + 7919));
        socket.end(resolve);
      });
      socket.on("error", reject);
    });
    let stored = 0;
    for (let i = 0; i < 100 && stored < lines.length; i++) {
      const r = await job.tick();
      expect(r.error).toBeUndefined();
      stored = Number((await db.auditIngestCheckpoint.findUnique({ where: { source: `socket:${port}` } }))?.events ?? 0);
      if (stored < lines.length) await new Promise((r) => setTimeout(r, 50));
    }
    await job.stop();
    expect(stored).toBe(lines.length);
    expect(await db.auditEvent.count({ where: { cluster } })).toBe(before + lines.length);
    const problem = await db.auditIngestProblem.findFirstOrThrow({ where: { source: `socket:${port}` } });
    expect(problem).toMatchObject({ line: BigInt(lines.length + 1), excerpt: "not an audit line" });
    expect(problem.file).toMatch(/^tcp 127\.0\.0\.1:\d+$/);
  });
});
