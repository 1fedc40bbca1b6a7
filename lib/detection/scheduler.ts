/**
 * Scheduled detection, started once per server process from instrumentation.ts (wired by the
 * lead): every DETECTION_INTERVAL_MINUTES it evaluates the recent past (a safety net besides the
 * ingestion's call after each batch, which is the main trigger), and every 15 s it delivers due
 * webhook notifications. A transaction-scoped advisory lock lets one instance evaluate at a time;
 * the outbox claim (SKIP LOCKED) makes delivery safe on any number of instances.
 *
 * No "server-only" in this module's imports (instrumentation is compiled outside react-server);
 * it builds its own small Prisma client, like lib/sync/scheduler.ts.
 */
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-client";
import { parseEnv } from "@/lib/config-schema";
import { evaluateDetection } from "./evaluate";
import { deliverAlertNotifications } from "./notifications/deliver";
import { detectionSettingsFromEnv, type DetectionSettings } from "./settings";

const STARTED = Symbol.for("radius.detectionScheduler");
const EVALUATION_LOCK = 7_237_101;
/** Late ingestion: events up to this old are re-evaluated by each tick. */
const OVERLAP_MS = 15 * 60_000;
const DELIVERY_INTERVAL_MS = 15_000;

export interface DetectionSchedulerOptions {
  env?: Record<string, string | undefined>;
  log?: (message: string) => void;
}

/** One scheduled evaluation of [now - interval - overlap, now), skipped if another instance holds the lock. */
export async function runScheduledEvaluation(db: PrismaClient, settings: DetectionSettings, now = new Date()): Promise<string> {
  const from = new Date(now.getTime() - settings.intervalMinutes * 60_000 - OVERLAP_MS);
  return db.$transaction(async (tx) => {
    const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${EVALUATION_LOCK}::bigint) AS locked`;
    if (!lock?.locked) return "another instance is evaluating; skipped";
    const r = await evaluateDetection(tx, { from, to: now, now, settings });
    return `evaluated: ${r.opened} opened, ${r.updated} updated, ${r.notificationsQueued} notifications queued`;
  }, { maxWait: 10_000, timeout: 10 * 60_000 });
}

/** Idempotent per process. DETECTION_INTERVAL_MINUTES=0 turns the evaluation timer off (delivery still runs). */
export function startDetectionScheduler(options: DetectionSchedulerOptions = {}): void {
  const state = globalThis as { [STARTED]?: boolean };
  if (state[STARTED]) return;
  state[STARTED] = true;
  const env = options.env ?? process.env;
  const settings = detectionSettingsFromEnv(env);
  const db = createPrismaClient(parseEnv(env).DATABASE_URL, { maxConnections: 2 });
  const log = options.log ?? ((m: string) => console.log(`[radius detection] ${m}`));
  const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

  if (settings.intervalMinutes > 0) {
    const evaluate = async () => {
      try {
        log(await runScheduledEvaluation(db, settings));
      } catch (error) {
        log(`evaluation failed: ${describe(error)}`);
      } finally {
        setTimeout(() => void evaluate(), settings.intervalMinutes * 60_000).unref();
      }
    };
    setTimeout(() => void evaluate(), 30_000).unref();
  }
  if (settings.webhook.url) {
    const deliver = async () => {
      try {
        const r = await deliverAlertNotifications(db, { settings });
        if (r.claimed > 0) log(`webhook: ${r.sent} sent, ${r.retrying} to retry, ${r.failed} failed`);
      } catch (error) {
        log(`webhook delivery failed: ${describe(error)}`);
      } finally {
        setTimeout(() => void deliver(), DELIVERY_INTERVAL_MS).unref();
      }
    };
    setTimeout(() => void deliver(), DELIVERY_INTERVAL_MS).unref();
  }
}
