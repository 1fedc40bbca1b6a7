/**
 * Sync health as readers need it: how old the data is, whether the last attempt failed (then the
 * data is "stale since" that failure), and the progress of a running sync.
 */
import type { DbClient } from "@/lib/db/create-client";
import { INVENTORY_SCOPE } from "@/lib/db/snapshots";
import { findActiveSnapshot, findFirstFailureAfter, findRecentSyncRuns, findRunningSyncRun, findSyncProblems, isSyncLockHeld } from "./repository";
import type { SyncProblemView, SyncRunView, SyncStatusView } from "./schemas";
import type { SyncCounts } from "./types";

type RunRow = Awaited<ReturnType<typeof findRecentSyncRuns>>[number];

export function toRunView(run: RunRow): SyncRunView {
  return {
    id: run.id,
    trigger: run.trigger,
    status: run.status,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    durationMs: run.finishedAt ? run.finishedAt.getTime() - run.startedAt.getTime() : null,
    error: run.error,
    counts: (run.counts ?? {}) as Record<string, unknown>,
  };
}

export async function getSyncStatus(db: DbClient): Promise<SyncStatusView> {
  const [active, recent, runningRow, lockHeld] = await Promise.all([
    findActiveSnapshot(db, INVENTORY_SCOPE), findRecentSyncRuns(db, 10), findRunningSyncRun(db), isSyncLockHeld(db),
  ]);
  const running = lockHeld ? runningRow : null;
  const activeAt = active ? (active.snapshot.completedAt ?? active.switchedAt) : null;
  const lastFinished = recent.find((r) => r.status !== "running") ?? null;
  const failedSince = lastFinished?.status === "failed" && (!activeAt || (lastFinished.finishedAt ?? lastFinished.startedAt) > activeAt);
  const stale = !activeAt || failedSince;
  const firstFailure = stale ? await findFirstFailureAfter(db, activeAt) : null;
  const lastFailed = recent.find((r) => r.status === "failed") ?? null;
  const progress = running ? ((running.counts as SyncCounts | null)?.progress ?? null) : null;
  return {
    activeSnapshotAt: activeAt?.toISOString() ?? null,
    lastRun: recent[0] ? toRunView(recent[0]) : null,
    running: running !== null,
    progress,
    stale,
    staleSince: firstFailure?.finishedAt?.toISOString() ?? null,
    lastFailure: failedSince && lastFailed ? { at: (lastFailed.finishedAt ?? lastFailed.startedAt).toISOString(), error: lastFailed.error } : null,
  };
}

export async function listRecentSyncRuns(db: DbClient, take = 10): Promise<SyncRunView[]> {
  return (await findRecentSyncRuns(db, take)).map(toRunView);
}

/** Problems of one run, errors first (the run stores at most MAX_STORED_PROBLEMS). */
export async function listSyncProblems(db: DbClient, runId: string, take = 200): Promise<SyncProblemView[]> {
  return findSyncProblems(db, runId, take);
}
