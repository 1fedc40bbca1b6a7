import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { dayRange } from "../rows";
import { assertCan, type ExportContext } from "../context";
import { auditTrailQuerySchema, type AuditTrailPage, type AuditTrailQuery } from "./schemas";

/**
 * One page of the portal audit trail, newest first, filtered (actor and action prefix, target
 * substring, UTC days) with a keyset cursor on id (audit-trail.read).
 */
export async function listAuditTrail(ctx: Pick<ExportContext, "db" | "user">, input: Partial<AuditTrailQuery>): Promise<AuditTrailPage> {
  assertCan(ctx, "audit-trail.read");
  const q = auditTrailQuerySchema.parse(input);
  const c: Prisma.Sql[] = [];
  if (q.actor) c.push(Prisma.sql`actor_email ILIKE ${`${q.actor.replace(/[\\%_]/g, "\\$&")}%`}`);
  if (q.action) c.push(Prisma.sql`action LIKE ${`${q.action.replace(/[\\%_]/g, "\\$&")}%`}`);
  if (q.target) c.push(Prisma.sql`target ILIKE ${`%${q.target.replace(/[\\%_]/g, "\\$&")}%`}`);
  const { from, until } = dayRange(q);
  if (from) c.push(Prisma.sql`time >= ${from}`);
  if (until) c.push(Prisma.sql`time < ${until}`);
  if (q.before) c.push(Prisma.sql`id < ${BigInt(q.before)}`);
  const where = c.length ? Prisma.sql`WHERE ${Prisma.join(c, " AND ")}` : Prisma.empty;
  const rows = await ctx.db.$queryRaw<{ id: bigint; time: Date; actor_email: string; actor_roles: string[]; action: string; target: string | null; ip: string | null; user_agent: string | null; details: unknown; hash: string }[]>`
    SELECT id, time, actor_email, actor_roles, action, target, ip, user_agent, details, hash FROM portal_audit_log ${where} ORDER BY id DESC LIMIT ${q.pageSize + 1}`;
  const page = rows.slice(0, q.pageSize);
  return {
    rows: page.map((r) => ({
      id: r.id.toString(), time: r.time.toISOString(), actorEmail: r.actor_email, actorRoles: r.actor_roles, action: r.action,
      target: r.target, ip: r.ip, userAgent: r.user_agent, details: JSON.stringify(r.details ?? {}), hash: r.hash,
    })),
    nextBefore: rows.length > q.pageSize ? page[page.length - 1]!.id.toString() : null,
  };
}
