import "server-only";
import { appendPortalAudit } from "@/lib/audit-trail";
import type { CurrentUser } from "@/lib/auth/user";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { RequestContext } from "@/lib/auth/request-context";
import { runSync } from "./run-sync";
import { getSyncStatus } from "./status";
import type { SyncDeps } from "./types";

export interface StartSyncResult {
  /** False when a sync is already running (on this or another instance): nothing new was started. */
  started: boolean;
}

/**
 * "Sync now": checks the permission, audits the request, then starts the sync in the background
 * and returns at once (a sync takes seconds to minutes; the admin panel polls its progress).
 * The audit record is written even if another instance's sync makes this one a no-op: the
 * trail records what the user asked for.
 */
export async function startManualSync(user: CurrentUser, request: RequestContext, deps: SyncDeps): Promise<StartSyncResult> {
  if (!can(user.roles, "sync.run")) throw new AppError("forbidden");
  const running = (await getSyncStatus(deps.db)).running;
  await appendPortalAudit(deps.db, {
    actorEmail: user.email,
    actorRoles: user.roles,
    action: "sync.run",
    target: "inventory",
    ip: request.ip,
    userAgent: request.userAgent,
    details: { alreadyRunning: running },
  });
  if (running) return { started: false };
  const log = deps.log ?? ((m: string) => console.warn(`[radius sync] ${m}`));
  // Not awaited: the run records its own outcome in sync_runs; a crash here must not be unhandled.
  void runSync({ trigger: "manual", actor: user }, deps).catch((error: unknown) => log(`manual sync crashed: ${String(error)}`));
  return { started: true };
}
