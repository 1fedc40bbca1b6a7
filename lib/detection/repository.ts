import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/lib/db/create-client";
import { PERMISSIONS } from "@/lib/auth/permissions";
import type { AlertStatusName } from "./catalog";
import type { AlertListParams, AlertSort } from "./schemas";

/** The only module of the Alerts pages that touches Prisma. */

const SELECT = { id: true, rule: true, severity: true, subject: true, status: true, assignee: true, count: true, firstSeen: true, lastSeen: true, note: true, resolvedAt: true, createdAt: true, evidence: true } as const;
export type AlertRecord = Prisma.AlertGetPayload<{ select: typeof SELECT }>;

/** `assignee` already resolved: an email, null (unassigned) or undefined (any). */
export function alertWhere(params: AlertListParams, assignee: string | null | undefined): Prisma.AlertWhereInput {
  return {
    ...(params.rule ? { rule: params.rule } : {}),
    ...(params.severity ? { severity: params.severity } : {}),
    ...(params.status ? { status: params.status } : {}),
    ...(assignee !== undefined ? { assignee } : {}),
    ...(params.q ? { OR: [{ subject: { contains: params.q, mode: "insensitive" } }, { rule: { contains: params.q, mode: "insensitive" } }, { note: { contains: params.q, mode: "insensitive" } }] } : {}),
  };
}

const SORT_FIELD: Record<AlertSort, keyof Prisma.AlertOrderByWithRelationInput> = {
  lastSeen: "lastSeen", firstSeen: "firstSeen", severity: "severity", count: "count", rule: "rule", status: "status",
};

export function alertOrder(sort: AlertSort, dir: "asc" | "desc"): Prisma.AlertOrderByWithRelationInput[] {
  // A stable tie-break, so pages never repeat or skip a row.
  return [{ [SORT_FIELD[sort]]: dir }, { lastSeen: "desc" }, { id: "asc" }];
}

export async function findAlerts(db: DbClient, where: Prisma.AlertWhereInput, orderBy: Prisma.AlertOrderByWithRelationInput[], skip: number, take: number): Promise<AlertRecord[]> {
  return db.alert.findMany({ where, orderBy, skip, take, select: SELECT });
}

export async function countAlerts(db: DbClient, where: Prisma.AlertWhereInput): Promise<number> {
  return db.alert.count({ where });
}

export async function findAlert(db: DbClient, id: string): Promise<AlertRecord | null> {
  return db.alert.findUnique({ where: { id }, select: SELECT });
}

/**
 * Applies a triage change only if the alert is in one of `from` (a compare-and-set: two people
 * acting at once cannot both win). Returns the updated row, or null when nothing matched.
 */
export async function updateAlertIfStatus(tx: DbClient, id: string, from: AlertStatusName[], data: Prisma.AlertUpdateManyMutationInput): Promise<AlertRecord | null> {
  const { count } = await tx.alert.updateMany({ where: { id, status: { in: from } }, data });
  return count === 0 ? null : findAlert(tx, id);
}

/** Users who may triage (security, admin), for the assignee picker. */
export async function findTriageUsers(db: DbClient): Promise<{ email: string; name: string | null }[]> {
  return db.user.findMany({
    where: { roles: { hasSome: [...PERMISSIONS["alerts.triage"]] } },
    orderBy: { email: "asc" },
    take: 500,
    select: { email: true, name: true },
  });
}

export async function isTriageUser(db: DbClient, email: string): Promise<boolean> {
  return (await db.user.count({ where: { email, roles: { hasSome: [...PERMISSIONS["alerts.triage"]] } } })) > 0;
}

/** The portal audit trail of one alert, oldest first. */
export async function findAlertHistory(db: DbClient, id: string): Promise<{ time: Date; actorEmail: string; action: string; details: Prisma.JsonValue }[]> {
  return db.portalAuditLog.findMany({
    where: { target: `alert:${id}` },
    orderBy: { id: "asc" },
    take: 200,
    select: { time: true, actorEmail: true, action: true, details: true },
  });
}
