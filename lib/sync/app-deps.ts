import "server-only";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { syncConfigFromEnv } from "./sync-config";
import type { SyncDeps } from "./types";

/** SyncDeps for code running inside the Next.js app (server actions, route handlers). */
export function appSyncDeps(): SyncDeps {
  const config = getConfig();
  return { db, databaseUrl: config.DATABASE_URL, config: syncConfigFromEnv(config) };
}
