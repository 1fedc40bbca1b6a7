// No "server-only": started from instrumentation (outside the react-server build). Server code only.
import type { DbClient } from "@/lib/db/create-client";
import { detectionSettingsFromEnv, type DetectionSettings } from "../settings";

export interface DeliverOptions {
  settings?: DetectionSettings;
  now?: Date;
  /** Injected in tests; default the global fetch. */
  fetch?: typeof fetch;
  /** Rows claimed per call. */
  limit?: number;
  timeoutMs?: number;
}

export interface DeliverResult {
  claimed: number;
  sent: number;
  retrying: number;
  failed: number;
}

const CLAIM_SECONDS = 120;
const MAX_BACKOFF_SECONDS = 3600;

/** Back-off after the n-th failed attempt (1-based): base, 2x base, 4x base, ... capped at an hour. */
export const backoffSeconds = (attempt: number, base: number): number => Math.min(MAX_BACKOFF_SECONDS, base * 2 ** (attempt - 1));

/**
 * The notification worker: claims due outbox rows (FOR UPDATE SKIP LOCKED plus a short lease in
 * locked_until, so any number of instances can run it and a crashed worker's rows come back),
 * posts each stored payload to ALERT_WEBHOOK_URL, and records the outcome: sent on 2xx, else a
 * retry after exponential back-off, and "failed" after ALERT_WEBHOOK_MAX_ATTEMPTS attempts.
 * The HTTP call happens outside any transaction.
 */
export async function deliverAlertNotifications(db: DbClient, options: DeliverOptions = {}): Promise<DeliverResult> {
  const settings = options.settings ?? detectionSettingsFromEnv();
  const result: DeliverResult = { claimed: 0, sent: 0, retrying: 0, failed: 0 };
  const url = settings.webhook.url;
  if (!url) return result;
  const now = options.now ?? new Date();
  const post = options.fetch ?? fetch;
  const claimed = await db.$queryRaw<{ id: string; payload: unknown; attempts: number }[]>`
    UPDATE alert_notifications SET locked_until = ${new Date(now.getTime() + CLAIM_SECONDS * 1000)}
    WHERE id IN (
      SELECT id FROM alert_notifications
      WHERE status = 'pending' AND next_attempt_at <= ${now} AND (locked_until IS NULL OR locked_until < ${now})
      ORDER BY next_attempt_at LIMIT ${options.limit ?? 50}::int
      FOR UPDATE SKIP LOCKED)
    RETURNING id::text AS id, payload, attempts`;
  result.claimed = claimed.length;
  for (const row of claimed) {
    const attempt = row.attempts + 1;
    const error = await send(post, url, row.payload, options.timeoutMs ?? 10_000);
    if (error === null) {
      await db.$executeRaw`UPDATE alert_notifications SET status = 'sent', attempts = ${attempt}::int, sent_at = ${now}, locked_until = NULL, last_error = NULL WHERE id = ${row.id}::uuid`;
      result.sent++;
    } else if (attempt >= settings.webhook.maxAttempts) {
      await db.$executeRaw`UPDATE alert_notifications SET status = 'failed', attempts = ${attempt}::int, locked_until = NULL, last_error = ${error} WHERE id = ${row.id}::uuid`;
      result.failed++;
    } else {
      const next = new Date(now.getTime() + backoffSeconds(attempt, settings.webhook.backoffSeconds) * 1000);
      await db.$executeRaw`UPDATE alert_notifications SET attempts = ${attempt}::int, next_attempt_at = ${next}, locked_until = NULL, last_error = ${error} WHERE id = ${row.id}::uuid`;
      result.retrying++;
    }
  }
  return result;
}

/** null on a 2xx answer, else a short reason (never the response body: it may echo the payload). */
async function send(post: typeof fetch, url: string, payload: unknown, timeoutMs: number): Promise<string | null> {
  try {
    const res = await post(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "error",
    });
    await res.body?.cancel();
    return res.ok ? null : `HTTP ${res.status}`;
  } catch (error) {
    return (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 500);
  }
}
