import "server-only";
/**
 * Review reminders without a timer of their own: a view of the Reviews pages starts one run of
 * sendReviewReminders at most every 10 minutes per instance, in the background. The run itself is
 * idempotent across instances (one reminder per reviewer and campaign per 24 hours, recorded in
 * the portal audit trail), so any number of instances and views are safe.
 */
import type { PrismaClient } from "@/lib/db/create-client";
import { sendReviewReminders } from "./send-reminders";

const EVERY_MS = 10 * 60_000;
let last = 0;

export function remindReviewersInBackground(db: PrismaClient, now = Date.now()): boolean {
  if (now - last < EVERY_MS) return false;
  last = now;
  void sendReviewReminders({ db }).catch((error: unknown) => console.warn(`[radius reviews] reminders failed: ${String(error)}`));
  return true;
}
