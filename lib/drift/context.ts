import "server-only";
import { can, type Permission } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/user";
import type { DbClient } from "@/lib/db/create-client";
import { getActiveSnapshotId } from "@/lib/db/snapshots";
import { AppError } from "@/lib/errors";

/** Who is asking and which database to ask (injected, so tests pass their own). */
export interface DriftContext {
  db: DbClient;
  user: CurrentUser;
}

/** Services check the permission themselves: a page or route that forgot cannot leak. */
export function assertCanAny(ctx: DriftContext, ...permissions: Permission[]): void {
  if (!permissions.some((p) => can(ctx.user.roles, p))) throw new AppError("forbidden");
}

/** Resolved once per use case, so one answer never mixes two syncs. */
export function activeSnapshot(ctx: DriftContext): Promise<string | null> {
  return getActiveSnapshotId(ctx.db);
}
