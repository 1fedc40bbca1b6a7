import "server-only";
import type { RequestContext } from "@/lib/auth/request-context";
import { can, type Permission } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/user";
import type { PrismaClient } from "@/lib/db/create-client";
import { AppError } from "@/lib/errors";
import type { ChangeProvider } from "./providers/types";
import type { ChangeSettings } from "./settings";

/**
 * What every Changes use case needs: who is asking, the database, the forge and the settings
 * (all injected, so tests pass their own), and where the request came from (for the audit trail).
 */
export interface ChangesContext {
  db: PrismaClient;
  user: CurrentUser;
  provider: ChangeProvider;
  settings: ChangeSettings;
  request?: RequestContext;
  /** The id given to the next change request (tests pin it); default a random UUID. */
  newId?: () => string;
}

/** The services check the permission themselves, so a page or action that forgot cannot skip it. */
export function assertCan(ctx: Pick<ChangesContext, "user">, permission: Permission): void {
  if (!can(ctx.user.roles, permission)) throw new AppError("forbidden");
}
