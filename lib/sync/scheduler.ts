/**
 * Scheduled syncs, started once per server process from instrumentation.ts. Every instance runs
 * a timer; the advisory lock lets one sync at a time, and a tick skips when another instance
 * synced recently, so N instances still sync about once per interval.
 *
 * No "server-only" in this module's imports: Next.js compiles instrumentation.ts outside the
 * react-server build, where that package throws. It builds its own small Prisma client for the
 * same reason (instrumentation and route handlers do not share module instances anyway).
 */
import { parseEnv } from "@/lib/config-schema";
import { createPrismaClient } from "@/lib/db/create-client";
import { findRecentSyncRuns } from "./repository";
import { runSync } from "./run-sync";
import { syncConfigFromEnv } from "./sync-config";
import type { SyncDeps, SyncTrigger } from "./types";

const STARTED = Symbol.for("radius.syncScheduler");
const FIRST_SYNC_DELAY_MS = 10_000;

export interface SchedulerOptions {
  env?: Record<string, string | undefined>;
  firstDelayMs?: number;
  log?: (message: string) => void;
}

/** Idempotent per process. SYNC_INTERVAL_MINUTES=0 means manual syncs only: no timer at all. */
export function startSyncScheduler(options: SchedulerOptions = {}): void {
  const state = globalThis as { [STARTED]?: boolean };
  if (state[STARTED]) return;
  const env = parseEnv(options.env ?? process.env);
  const config = syncConfigFromEnv(env);
  const log = options.log ?? ((m: string) => console.log(`[radius sync] ${m}`));
  if (config.intervalMinutes === 0) {
    log("scheduled syncs are off (SYNC_INTERVAL_MINUTES=0); use Admin -> Sync now");
    return;
  }
  state[STARTED] = true;
  const deps: SyncDeps = { db: createPrismaClient(env.DATABASE_URL, { maxConnections: 4 }), databaseUrl: env.DATABASE_URL, config, log };
  const intervalMs = config.intervalMinutes * 60_000;

  const tick = async (trigger: SyncTrigger) => {
    try {
      if (trigger === "scheduled" && (await syncedRecently(deps, intervalMs))) return;
      const result = await runSync({ trigger }, deps);
      log(result.status === "already-running" ? "another instance is syncing; skipped" : `${trigger} sync ${result.status}${result.error ? `: ${result.error}` : ""}`);
    } catch (error) {
      log(`${trigger} sync could not start: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      schedule("scheduled", intervalMs);
    }
  };
  // unref: a pending sync timer must never keep a stopping process alive.
  const schedule = (trigger: SyncTrigger, delay: number) => setTimeout(() => void tick(trigger), delay).unref();
  schedule("startup", options.firstDelayMs ?? FIRST_SYNC_DELAY_MS);
}

/** Another instance started a sync less than ~an interval ago: this tick has nothing to add. */
async function syncedRecently(deps: SyncDeps, intervalMs: number): Promise<boolean> {
  const [last] = await findRecentSyncRuns(deps.db, 1);
  return last !== undefined && Date.now() - last.startedAt.getTime() < intervalMs * 0.9;
}
