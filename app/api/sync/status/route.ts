import { withApiAuth } from "@/lib/auth/guard";
import { loadSyncStatus } from "@/lib/sync/queries";

export const dynamic = "force-dynamic";

/**
 * Sync health and progress for the admin panel's polling. "sources.read" (security, admin):
 * errors name Vault paths and files, which engineers see summarised in the stale banner instead.
 */
export const GET = withApiAuth("sources.read", async () =>
  Response.json(await loadSyncStatus(), { headers: { "cache-control": "no-store" } }),
);
