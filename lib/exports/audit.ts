import "server-only";
import { appendPortalAudit } from "@/lib/audit-trail";
import type { ExportContext } from "./context";

/** Every export leaves a record in the portal audit trail: opened, then completed (with its manifest) or failed. */
export async function auditExport(ctx: ExportContext, action: "exports.create" | "exports.complete" | "exports.failed", exportId: string, details: Record<string, unknown>) {
  await appendPortalAudit(ctx.db, {
    actorEmail: ctx.user.email, actorRoles: ctx.user.roles, action, target: `export:${exportId}`,
    ip: ctx.request?.ip ?? null, userAgent: ctx.request?.userAgent ?? null, details: { exportId, ...details },
  });
}
