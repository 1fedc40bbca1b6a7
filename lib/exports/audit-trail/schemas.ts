import { z } from "zod";

const text = z.string().trim().max(200).optional().transform((v) => (v ? v : undefined));
const date = z.iso.date().optional().or(z.literal("").transform(() => undefined));

/** Filters and keyset cursor of the portal audit trail page and API (safe for the client). */
export const auditTrailQuerySchema = z.object({
  actor: text,
  action: text,
  target: text,
  from: date,
  to: date,
  /** Show rows older than this id (the "older" link); newest first. */
  before: z.string().regex(/^\d{1,19}$/).optional(),
  pageSize: z.coerce.number().int().min(10).max(200).default(50),
});
export type AuditTrailQuery = z.output<typeof auditTrailQuerySchema>;

export interface AuditTrailRow {
  id: string;
  time: string;
  actorEmail: string;
  actorRoles: string[];
  action: string;
  target: string | null;
  ip: string | null;
  userAgent: string | null;
  details: string;
  hash: string;
}

export interface AuditTrailPage {
  rows: AuditTrailRow[];
  /** Cursor of the next (older) page, null at the start of the chain. */
  nextBefore: string | null;
}
