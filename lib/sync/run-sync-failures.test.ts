import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_TOKENS } from "@/lib/demo/generator";
import { getActiveSnapshotId } from "@/lib/db/snapshots";
import { runSync } from "./run-sync";
import { getSyncStatus } from "./status";
import { startSyncWorld, type SyncWorld } from "./test-support";

describe("runSync when things go wrong", () => {
  let w: SyncWorld;
  let goodSnapshot: string;
  beforeAll(async () => {
    w = await startSyncWorld();
    expect(await runSync({ trigger: "startup" }, w.deps())).toMatchObject({ status: "succeeded" });
    goodSnapshot = (await getActiveSnapshotId(w.database.prisma)) as string;
  });
  afterAll(async () => {
    await w?.close();
  });

  const secretsOf = (snapshotId: string) => w.database.prisma.secret.count({ where: { snapshotId } });

  it("keeps the previous snapshot active and records the failure when Vault is down", async () => {
    const before = await secretsOf(goodSnapshot);
    w.standin.setFaults({ down: true });
    try {
      const result = await runSync({ trigger: "scheduled" }, w.deps());
      expect(result).toMatchObject({ status: "failed", snapshotId: null, error: expect.stringContaining("unavailable") });
    } finally {
      w.standin.setFaults({});
    }
    expect(await getActiveSnapshotId(w.database.prisma)).toBe(goodSnapshot);
    expect(await secretsOf(goodSnapshot)).toBe(before);
    const status = await getSyncStatus(w.database.prisma);
    expect(status).toMatchObject({ stale: true, running: false, lastRun: { status: "failed" }, lastFailure: { error: expect.stringContaining("unavailable") } });
    expect(status.staleSince).not.toBeNull();
    expect(new Date(status.activeSnapshotAt as string).getTime()).toBeLessThan(new Date(status.staleSince as string).getTime());
  });

  it("discards a half-written snapshot when the write fails mid-way", async () => {
    // A trigger that rejects grants: secrets, identities and workloads are already written by then.
    const db = w.database.prisma;
    await db.$executeRawUnsafe(`CREATE FUNCTION fail_grants() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full (test)'; END $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER fail_grants BEFORE INSERT ON grants FOR EACH STATEMENT EXECUTE FUNCTION fail_grants()`);
    try {
      const result = await runSync({ trigger: "manual" }, w.deps());
      expect(result).toMatchObject({ status: "failed", error: expect.stringContaining("disk full (test)") });
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER fail_grants ON grants`);
      await db.$executeRawUnsafe(`DROP FUNCTION fail_grants()`);
    }
    expect(await getActiveSnapshotId(db)).toBe(goodSnapshot);
    expect(await db.snapshot.findMany({ select: { id: true } })).toEqual([{ id: goodSnapshot }]);
    expect(await db.secret.count({ where: { snapshotId: { not: goodSnapshot } } })).toBe(0);
  });

  it("refuses to sync with a token that can write, before reading any inventory", async () => {
    const from = w.standin.requests.length;
    const result = await runSync({ trigger: "manual" }, w.deps({ token: DEMO_TOKENS.writer }));
    expect(result).toMatchObject({ status: "failed", error: expect.stringMatching(/^Refusing to sync: the Vault token .* can write to \S+/) });
    const paths = w.standin.requests.slice(from).map((r) => `${r.method} ${r.path}`);
    expect(paths.some((p) => /metadata|sys\/policies\/acl\/|\/role\//.test(p))).toBe(false);
    expect(await getActiveSnapshotId(w.database.prisma)).toBe(goodSnapshot);
  });

  it("lets exactly one of two concurrent syncs run; the other says it is already running", async () => {
    const results = await Promise.all([runSync({ trigger: "manual" }, w.deps()), runSync({ trigger: "scheduled" }, w.deps())]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual(["already-running", "succeeded"]);
    expect(await w.database.prisma.syncRun.count({ where: { status: "running" } })).toBe(0);
    // The good run replaced the old snapshot and pruned it.
    const active = await getActiveSnapshotId(w.database.prisma);
    expect(active).not.toBe(goodSnapshot);
    expect(await w.database.prisma.snapshot.count()).toBe(1);
    expect(await getSyncStatus(w.database.prisma)).toMatchObject({ stale: false, staleSince: null, lastFailure: null });
  });

  it("marks runs left 'running' by a crashed process as failed on the next sync", async () => {
    const orphan = await w.database.prisma.syncRun.create({ data: { status: "running", trigger: "scheduled" } });
    await runSync({ trigger: "manual" }, w.deps());
    expect(await w.database.prisma.syncRun.findUnique({ where: { id: orphan.id } })).toMatchObject({ status: "failed", error: expect.stringContaining("Interrupted") });
  });
});
