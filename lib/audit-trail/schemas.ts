import { z } from "zod";

/** Input of appendPortalAudit. `action` is `resource.verb` (e.g. "auth.sign_in", "changes.create"). */
export const portalAuditInputSchema = z.object({
  actorEmail: z.string().min(1).max(320),
  actorRoles: z.array(z.string().min(1)).default([]),
  action: z.string().regex(/^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)+$/, "must look like resource.action"),
  target: z.string().max(2000).nullish(),
  ip: z.string().max(100).nullish(),
  userAgent: z.string().max(1000).nullish(),
  details: z.record(z.string(), z.unknown()).default({}),
});

export type PortalAuditInput = z.input<typeof portalAuditInputSchema>;

export type PortalAuditVerification =
  | { ok: true; rows: number; lastHash: string }
  | { ok: false; firstBrokenId: string; reason: string; rows: number };
