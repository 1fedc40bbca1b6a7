import "server-only";
import { db } from "@/lib/db/client";
import { getSyncStatus, listRecentSyncRuns, listSyncProblems } from "./status";
import type { SyncProblemView, SyncRunView, SyncStatusView } from "./schemas";

/**
 * For pages and route handlers (they already passed their permission guard): sync health from
 * the app's database client. Every inventory page renders <StaleBanner status={...} /> from this.
 */
export function loadSyncStatus(): Promise<SyncStatusView> {
  return getSyncStatus(db);
}

export interface SyncPanelData {
  status: SyncStatusView;
  runs: SyncRunView[];
  /** Problems of the newest finished run. */
  problems: SyncProblemView[];
  problemsRunId: string | null;
}

export async function loadSyncPanel(): Promise<SyncPanelData> {
  const [status, runs] = await Promise.all([getSyncStatus(db), listRecentSyncRuns(db, 10)]);
  const finished = runs.find((r) => r.status !== "running") ?? null;
  return { status, runs, problems: finished ? await listSyncProblems(db, finished.id, 200) : [], problemsRunId: finished?.id ?? null };
}
