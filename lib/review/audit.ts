import "server-only";
import { appendPortalAudit } from "@/lib/audit-trail";
import type { DbClient } from "@/lib/db/create-client";
import type { ReviewContext } from "./context";

/** Every review action lands in the portal audit trail, in the transaction of the change it records. */
export function auditReview(tx: DbClient, ctx: Pick<ReviewContext, "user" | "request">, action: string, target: string, details: Record<string, unknown>) {
  return appendPortalAudit(tx, {
    actorEmail: ctx.user.email,
    actorRoles: ctx.user.roles,
    action,
    target,
    ip: ctx.request?.ip ?? null,
    userAgent: ctx.request?.userAgent ?? null,
    details,
  });
}
