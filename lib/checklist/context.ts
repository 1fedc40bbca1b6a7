// No "server-only": recordDailyHistory runs from instrumentation.ts (history-scheduler.ts), which
// Next.js compiles outside the react-server build where that package throws. Server code only.
import { can, type Permission } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/user";
import type { DbClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import type { VaultProbe } from "./vault-probe";

/**
 * What the checklist use cases need, injected so tests pass their own: the database, who is
 * asking, the clock, the live Vault probe (seal type, audit devices) and the CI workflows folder.
 */
export interface ChecklistContext {
  db: DbClient;
  user: CurrentUser;
  now?: () => Date;
  vault?: VaultProbe | null;
  workflows?: { dir: string; owner: string } | null;
}

export function assertCan(ctx: Pick<ChecklistContext, "user">, permission: Permission): void {
  if (!can(ctx.user.roles, permission)) throw new AppError("forbidden");
}

export const nowOf = (ctx: Pick<ChecklistContext, "now">): Date => ctx.now?.() ?? new Date();
