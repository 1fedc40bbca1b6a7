/**
 * The daily-history job, started once per server process from instrumentation.ts. Every instance
 * may run it: the day's row is an upsert, so the last run of a UTC day leaves that day's status.
 *
 * No "server-only" in this module's import graph: Next.js compiles instrumentation.ts outside
 * the react-server build, where that package throws. It builds its own small Prisma client.
 */
import { parseEnv } from "@/lib/config-schema";
import { createPrismaClient } from "@/lib/db/create-client";
import { syncConfigFromEnv } from "@/lib/sync/sync-config";
import { createVaultReader } from "@/lib/vault";
import { recordDailyHistory } from "./history";
import { createVaultProbe } from "./vault-probe";

const STARTED = Symbol.for("radius.checklistHistory");

export interface HistorySchedulerOptions {
  env?: Record<string, string | undefined>;
  /** First run after boot (after the first sync has had time to finish). */
  firstDelayMs?: number;
  intervalMs?: number;
  log?: (message: string) => void;
}

/** Idempotent per process. Runs 5 minutes after boot, then hourly. */
export function startChecklistHistoryScheduler(options: HistorySchedulerOptions = {}): void {
  const state = globalThis as { [STARTED]?: boolean };
  if (state[STARTED]) return;
  state[STARTED] = true;
  const env = parseEnv(options.env ?? process.env);
  const sync = syncConfigFromEnv(env);
  const log = options.log ?? ((m: string) => console.log(`[radius checklist] ${m}`));
  const db = createPrismaClient(env.DATABASE_URL, { maxConnections: 2 });
  const vault = createVaultProbe(() => env.VAULT_ADDR.map((address) => createVaultReader({ address, token: env.VAULT_TOKEN, namespace: env.VAULT_NAMESPACE, timeoutMs: 5_000, retries: 1 })));
  const workflows = sync.workflowsDir ? { dir: sync.workflowsDir, owner: sync.ciOwner } : null;
  const run = async () => {
    try {
      const row = await recordDailyHistory(db, { vault, workflows });
      log(`daily history ${row.day}: ${row.pass} pass, ${row.fail} fail, ${row.unknown} unknown`);
    } catch (error) {
      log(`daily history failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  setTimeout(() => {
    void run();
    setInterval(() => void run(), options.intervalMs ?? 3_600_000).unref();
  }, options.firstDelayMs ?? 300_000).unref();
}
