import "server-only";
/**
 * Pull request status polling without a timer: a view of the Changes pages starts one bounded
 * refresh (least recently checked first) at most once a minute per instance, in the background, so
 * the page never waits on the forge. The GitHub webhook pushes changes sooner when configured.
 */
import type { DbClient } from "@/lib/db/create-client";
import { refreshOpenChangeStatuses } from "./refresh-status";

const EVERY_MS = 60_000;
let last = 0;

export function pollChangeStatuses(db: DbClient, now = Date.now()): boolean {
  if (now - last < EVERY_MS) return false;
  last = now;
  void refreshOpenChangeStatuses(db, undefined, { limit: 20 }).catch((error: unknown) => console.warn(`[radius changes] status polling failed: ${String(error)}`));
  return true;
}
