import "server-only";
import { db } from "@/lib/db/client";

/** One audit record as pages show it: plain values only. */
export interface AuditEntryView {
  id: string;
  time: string;
  actorEmail: string;
  actorRoles: string[];
  action: string;
  target: string | null;
  ip: string | null;
}

/** The newest records first; the caller has checked "audit-trail.read". */
export async function listRecentAuditEntries(limit = 20): Promise<AuditEntryView[]> {
  const rows = await db.portalAuditLog.findMany({
    orderBy: { id: "desc" },
    take: Math.min(Math.max(limit, 1), 200),
    select: { id: true, time: true, actorEmail: true, actorRoles: true, action: true, target: true, ip: true },
  });
  return rows.map((r) => ({ ...r, id: r.id.toString(), time: r.time.toISOString() }));
}
