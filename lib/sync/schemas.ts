/**
 * What the UI sees of syncs: plain, serialisable views (ISO strings, no Prisma types), safe to
 * import from client components. The zod schema validates GET /api/sync/status on the client.
 */
import { z } from "zod";

const progressSchema = z.object({ phase: z.string(), done: z.number(), total: z.number() });

export const syncRunViewSchema = z.object({
  id: z.string(),
  trigger: z.string(),
  status: z.enum(["running", "succeeded", "failed", "partial"]),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  error: z.string().nullable(),
  /** sync_runs.counts: progress while running, totals when finished (see lib/sync/types.ts SyncCounts). */
  counts: z.record(z.string(), z.unknown()),
});
export type SyncRunView = z.infer<typeof syncRunViewSchema>;

export const syncStatusSchema = z.object({
  /** When the snapshot readers see was completed; null before the first successful sync. */
  activeSnapshotAt: z.string().nullable(),
  lastRun: syncRunViewSchema.nullable(),
  running: z.boolean(),
  progress: progressSchema.nullable(),
  /** The data shown is older than the last attempt (it failed), or there is no data yet. */
  stale: z.boolean(),
  /** The first failure after the active snapshot was made. */
  staleSince: z.string().nullable(),
  /** The newest failure's time and error, for "the last sync failed at ...". */
  lastFailure: z.object({ at: z.string(), error: z.string().nullable() }).nullable(),
});
export type SyncStatusView = z.infer<typeof syncStatusSchema>;

export interface SyncProblemView {
  source: string;
  location: string;
  line: number | null;
  column: number | null;
  message: string;
  severity: string;
}
