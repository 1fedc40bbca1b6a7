import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing";
import { activateSnapshot, createSnapshot, discardSnapshot, getActiveSnapshotId, pruneSnapshots } from "./snapshots";

describe("inventory snapshots", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  async function addSecret(snapshotId: string, key: string) {
    await database.prisma.secret.create({
      data: { snapshotId, key, cluster: "prod", mount: "kv", path: key, engineKind: "kv-v2", lifecycle: "static" },
    });
  }

  it("switches readers to a complete snapshot at once and prunes the old one", async () => {
    const { prisma } = database;
    expect(await getActiveSnapshotId(prisma)).toBeNull();

    const first = await createSnapshot(prisma);
    await addSecret(first, "a");
    expect(await activateSnapshot(prisma, first)).toBeNull();
    expect(await getActiveSnapshotId(prisma)).toBe(first);

    const second = await createSnapshot(prisma);
    await addSecret(second, "a");
    await addSecret(second, "b");
    // Still building: readers keep seeing the first snapshot only.
    expect(await prisma.secret.count({ where: { snapshotId: (await getActiveSnapshotId(prisma))! } })).toBe(1);

    expect(await activateSnapshot(prisma, second)).toBe(first);
    expect(await pruneSnapshots(prisma)).toBe(1);
    expect(await prisma.secret.count()).toBe(2);
    expect(await getActiveSnapshotId(prisma)).toBe(second);
  });

  it("keeps the last good snapshot when a sync fails, and never deletes the active one", async () => {
    const { prisma } = database;
    const active = await getActiveSnapshotId(prisma);
    const failed = await createSnapshot(prisma);
    await addSecret(failed, "half");
    await discardSnapshot(prisma, failed);
    await discardSnapshot(prisma, active!);
    expect(await getActiveSnapshotId(prisma)).toBe(active);
    expect(await prisma.secret.count({ where: { key: "half" } })).toBe(0);
    await expect(prisma.snapshot.delete({ where: { id: active! } })).rejects.toThrow();
  });
});
