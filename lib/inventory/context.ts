import "server-only";
import { can, type Permission } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/user";
import type { DbClient } from "@/lib/db/create-client";
import { getActiveSnapshotId } from "@/lib/db/snapshots";
import { AppError } from "@/lib/errors";

/** What every inventory use case needs: who is asking, and the database to ask (injected, so tests pass their own). */
export interface InventoryContext {
  db: DbClient;
  user: CurrentUser;
}

/** The services check the permission themselves, so a page or route that forgot cannot leak. */
export function assertCan(ctx: InventoryContext, permission: Permission): void {
  if (!can(ctx.user.roles, permission)) throw new AppError("forbidden");
}

/** Resolved once per use case and passed to every query of it, so one answer never mixes two syncs. */
export function activeSnapshot(ctx: InventoryContext): Promise<string | null> {
  return getActiveSnapshotId(ctx.db);
}
