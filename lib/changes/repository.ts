import "server-only";
import type { DbClient, Prisma } from "@/lib/db/create-client";

/** The change_requests table: the only place lib/changes writes. */

export type ChangeRequestRow = Prisma.ChangeRequestGetPayload<object>;
export type ChangeRequestStatusValue = ChangeRequestRow["status"];
export type ProviderValue = NonNullable<ChangeRequestRow["provider"]>;

export async function insertChangeRequest(db: DbClient, data: Prisma.ChangeRequestUncheckedCreateInput): Promise<ChangeRequestRow> {
  return db.changeRequest.create({ data });
}

export async function updateChangeRequest(db: DbClient, id: string, data: Prisma.ChangeRequestUncheckedUpdateInput): Promise<ChangeRequestRow> {
  return db.changeRequest.update({ where: { id }, data });
}

/** Updates only while the row still has one of `from` (a forge event never resurrects a merged request). */
export async function updateChangeStatusFrom(db: DbClient, id: string, from: ChangeRequestStatusValue[], data: Prisma.ChangeRequestUncheckedUpdateInput): Promise<number> {
  const { count } = await db.changeRequest.updateMany({ where: { id, status: { in: from } }, data });
  return count;
}

export async function findChangeRequestById(db: DbClient, id: string): Promise<ChangeRequestRow | null> {
  return db.changeRequest.findUnique({ where: { id } });
}

const listSelect = {
  id: true, kind: true, title: true, requesterEmail: true, reason: true, status: true, provider: true, branch: true, prUrl: true,
  prNumber: true, createdAt: true, updatedAt: true, approvedBy: true, error: true, cluster: true,
} as const;
export type ChangeRequestListRow = Prisma.ChangeRequestGetPayload<{ select: typeof listSelect }>;

export async function findChangeRequestPage(db: DbClient, filter: { requesterEmail?: string; status?: ChangeRequestStatusValue }, page: number, pageSize: number) {
  const where: Prisma.ChangeRequestWhereInput = { ...(filter.requesterEmail ? { requesterEmail: filter.requesterEmail } : {}), ...(filter.status ? { status: filter.status } : {}) };
  const [rows, total] = await Promise.all([
    db.changeRequest.findMany({ where, select: listSelect, orderBy: [{ createdAt: "desc" }, { id: "asc" }], skip: (page - 1) * pageSize, take: pageSize }),
    db.changeRequest.count({ where }),
  ]);
  return { rows, total };
}

/** Open requests of one provider, least recently checked first (the poller's batch). */
export async function findOpenChangeRequests(db: DbClient, provider: ProviderValue, limit: number) {
  return db.changeRequest.findMany({
    where: { provider, status: "submitted", prNumber: { not: null }, branch: { not: null } },
    select: { id: true, provider: true, prNumber: true, prUrl: true, branch: true, commit: true },
    orderBy: [{ statusCheckedAt: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }],
    take: limit,
  });
}

export async function findChangeRequestsByPullRequest(db: DbClient, provider: ProviderValue, prNumber: number) {
  return db.changeRequest.findMany({ where: { provider, prNumber }, select: { id: true, status: true }, orderBy: { createdAt: "desc" } });
}
