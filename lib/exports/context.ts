import "server-only";
import { can, type Permission } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/user";
import type { ChecklistContext } from "@/lib/checklist";
import type { DbClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";

/** Who exports, from which database, with which clock and request (injected, so tests pass their own). */
export interface ExportContext {
  db: DbClient;
  user: CurrentUser;
  now?: () => Date;
  request?: { ip: string | null; userAgent: string | null };
  /** Live sources for the checklist dataset and the PDF (Vault probe, CI workflows). */
  checklist?: Pick<ChecklistContext, "vault" | "workflows">;
}

export function assertCan(ctx: Pick<ExportContext, "user">, ...permissions: Permission[]): void {
  for (const p of permissions) if (!can(ctx.user.roles, p)) throw new AppError("forbidden");
}

export const nowOf = (ctx: Pick<ExportContext, "now">): Date => ctx.now?.() ?? new Date();

export function checklistContextOf(ctx: ExportContext): ChecklistContext {
  return { db: ctx.db, user: ctx.user, now: ctx.now, vault: ctx.checklist?.vault ?? null, workflows: ctx.checklist?.workflows ?? null };
}
