import "server-only";
import { can } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/user";
import type { DbClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";

/** Who is asking and which database to ask (injected, so tests pass their own). */
export interface HealthContext {
  db: DbClient;
  user: CurrentUser;
  /** The instant statuses are computed against; injectable for tests and the bench. */
  now?: Date;
  /** Skip the 30-second aggregate cache (tests that change data under one snapshot, the bench's cold figure). */
  noCache?: boolean;
}

/** Services check the permission themselves: a page or route that forgot cannot leak. */
export function assertCanReadHealth(ctx: HealthContext): void {
  if (!can(ctx.user.roles, "health.read")) throw new AppError("forbidden");
}

export const nowOf = (ctx: { now?: Date }): Date => ctx.now ?? new Date();
