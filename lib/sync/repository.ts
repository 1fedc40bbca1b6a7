/** The only file of lib/sync that queries through Prisma: sync runs and their problems. */
import type { DbClient, Prisma } from "@/lib/db/create-client";
import type { SyncProblem } from "./snapshot-data";
import type { SyncCounts, SyncRunStatus, SyncTrigger } from "./types";

import { SYNC_LOCK_KEY } from "./sync-lock";

const json = (value: SyncCounts) => value as unknown as Prisma.InputJsonValue;

export async function insertSyncRun(db: DbClient, trigger: SyncTrigger, counts: SyncCounts): Promise<string> {
  const run = await db.syncRun.create({ data: { trigger, status: "running", counts: json(counts) }, select: { id: true } });
  return run.id;
}

export async function updateSyncRunCounts(db: DbClient, runId: string, counts: SyncCounts): Promise<void> {
  await db.syncRun.update({ where: { id: runId }, data: { counts: json(counts) } });
}

export async function finishSyncRun(db: DbClient, runId: string, status: Exclude<SyncRunStatus, "running">, counts: SyncCounts, error: string | null): Promise<void> {
  await db.syncRun.update({ where: { id: runId }, data: { status, counts: json(counts), error, finishedAt: new Date() } });
}

/**
 * Runs left "running" by a process that died mid-sync. Only called while holding the sync lock,
 * so none of them can still be alive.
 */
export async function failInterruptedRuns(db: DbClient): Promise<number> {
  const { count } = await db.syncRun.updateMany({
    where: { status: "running" },
    data: { status: "failed", finishedAt: new Date(), error: "Interrupted: the portal process stopped during the sync." },
  });
  return count;
}

/** Snapshots a crashed sync left half-built (also only called under the lock). */
export async function findAbandonedSnapshots(db: DbClient): Promise<string[]> {
  const rows = await db.snapshot.findMany({ where: { status: "building", activeFor: { none: {} } }, select: { id: true } });
  return rows.map((r) => r.id);
}

export async function insertSyncProblems(db: DbClient, runId: string, problems: readonly SyncProblem[]): Promise<void> {
  for (let i = 0; i < problems.length; i += 1_000) {
    await db.syncProblem.createMany({
      data: problems.slice(i, i + 1_000).map((p) => ({
        syncRunId: runId, source: p.source, location: p.location, line: p.line ?? null, column: p.column ?? null, message: p.message, severity: p.severity,
      })),
    });
  }
}

const RUN_FIELDS = { id: true, trigger: true, status: true, startedAt: true, finishedAt: true, counts: true, error: true, snapshotId: true } as const;

export function findRecentSyncRuns(db: DbClient, take: number) {
  return db.syncRun.findMany({ orderBy: { startedAt: "desc" }, take, select: RUN_FIELDS });
}

export function findRunningSyncRun(db: DbClient) {
  return db.syncRun.findFirst({ where: { status: "running" }, orderBy: { startedAt: "desc" }, select: RUN_FIELDS });
}

/** The earliest failed run that finished after `after` (null: any time): when staleness began. */
export function findFirstFailureAfter(db: DbClient, after: Date | null) {
  return db.syncRun.findFirst({
    where: { status: "failed", ...(after ? { finishedAt: { gt: after } } : {}) },
    orderBy: { finishedAt: "asc" },
    select: { finishedAt: true },
  });
}

export function findActiveSnapshot(db: DbClient, scope: string) {
  return db.activeSnapshot.findUnique({ where: { scope }, select: { snapshotId: true, switchedAt: true, snapshot: { select: { completedAt: true } } } });
}

export function findSyncProblems(db: DbClient, runId: string, take: number) {
  return db.syncProblem.findMany({
    where: { syncRunId: runId },
    // Errors before warnings ("error" < "warning"), then by place.
    orderBy: [{ severity: "asc" }, { source: "asc" }, { location: "asc" }, { line: "asc" }],
    take,
    select: { source: true, location: true, line: true, column: true, message: true, severity: true },
  });
}

/**
 * Whether some session holds the sync lock right now. A "running" row without the lock belongs
 * to a process that died; status must not show it as syncing forever.
 */
export async function isSyncLockHeld(db: DbClient): Promise<boolean> {
  const rows = await db.$queryRaw<{ held: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM pg_locks
      WHERE locktype = 'advisory' AND objsubid = 1 AND granted
        AND ((classid::bigint << 32) | objid::bigint) = ${SYNC_LOCK_KEY}::bigint
    ) AS held`;
  return rows[0]?.held ?? false;
}
