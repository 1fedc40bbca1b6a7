import "server-only";
import type { DbClient } from "@/lib/db/create-client";
import { aggregateHealth } from "./overview-repository";

/**
 * The first view's aggregates, cached in-process for 30 seconds per snapshot. A snapshot never
 * changes once active, and statuses move with the clock only: computing them against `now`
 * floored to 30 s keeps every viewer of the dashboard within that window on one computation
 * (the page then costs the table query only). Per instance; nothing to invalidate on sync, since
 * a new snapshot is a new key.
 */
const WINDOW_MS = 30_000;
const MAX_ENTRIES = 8;
const cache = new Map<string, ReturnType<typeof aggregateHealth>>();

export function aggregateHealthCached(db: DbClient, snapshotId: string, now: Date, options: { bypass?: boolean } = {}): ReturnType<typeof aggregateHealth> {
  const floored = new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
  if (options.bypass) return aggregateHealth(db, snapshotId, floored);
  const key = `${snapshotId}|${floored.getTime()}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = aggregateHealth(db, snapshotId, floored);
    pending.catch(() => cache.delete(key)); // never cache a failure
    cache.set(key, pending);
    while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  }
  return pending;
}
