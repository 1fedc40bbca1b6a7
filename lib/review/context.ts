import "server-only";
import type { RequestContext } from "@/lib/auth/request-context";
import { can, type Permission } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/user";
import type { PrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import type { ReviewerDirectory } from "./directory";
import type { RevocationOpener } from "./revocation";

/**
 * What every review use case needs, injected so tests pass their own: who is asking, the database,
 * who belongs to which team (for assignment and the self-review warning), and how a "revoke"
 * becomes a pull request. Without `openRevocation` a revoke is recorded with a "revocation pending"
 * marker and no pull request.
 */
export interface ReviewContext {
  db: PrismaClient;
  user: CurrentUser;
  directory: ReviewerDirectory;
  openRevocation?: RevocationOpener;
  request?: RequestContext;
  now?: () => Date;
}

export function assertCan(ctx: Pick<ReviewContext, "user">, permission: Permission): void {
  if (!can(ctx.user.roles, permission)) throw new AppError("forbidden");
}

export const canManage = (ctx: Pick<ReviewContext, "user">): boolean => can(ctx.user.roles, "reviews.manage");

/**
 * Reading campaigns: "reviews.read" sees every campaign and decision; a reviewer holding only
 * "reviews.decide" (an engineer) sees the campaigns and decisions assigned to them, nothing else.
 * Returns the email to restrict to, or null for everything.
 */
export function readScope(ctx: Pick<ReviewContext, "user">): { assignee: string | null } {
  if (can(ctx.user.roles, "reviews.read")) return { assignee: null };
  if (can(ctx.user.roles, "reviews.decide")) return { assignee: ctx.user.email };
  throw new AppError("forbidden");
}

export const nowOf = (ctx: Pick<ReviewContext, "now">): Date => (ctx.now ? ctx.now() : new Date());
