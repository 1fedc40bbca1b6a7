import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/lib/db/create-client";
import { teamSpellings } from "./directory";
import type { AccessStatRecord } from "./evidence";

/** A decision row with its live access stat (NULL columns when access_stats has no row). */
export interface DecisionRecord {
  id: string; review_id: string; identity_key: string; secret_key: string; capabilities: string[]; policy_name: string | null;
  rule_path: string | null; owner_team: string | null; environment: string | null; identity_teams: string[]; assigned_to: string[];
  outcome: "pending" | "keep" | "revoke"; reviewer: string | null; reviewer_name: string | null; justification: string | null;
  decided_at: Date | null; self_review: boolean; evidence: unknown; revocation_status: string | null;
  revocation_change_id: string | null; revocation_error: string | null;
  stat_last_read_at: Date | null; stat_reads_30d: number | null; stat_reads_90d: number | null;
}

const COLUMNS = Prisma.sql`d.id::text AS id, d.review_id::text AS review_id, d.identity_key, d.secret_key, d.capabilities, d.policy_name,
  d.rule_path, d.owner_team, d.environment, d.identity_teams, d.assigned_to, d.outcome::text AS outcome, d.reviewer, d.reviewer_name,
  d.justification, d.decided_at, d.self_review, d.evidence, d.revocation_status, d.revocation_change_id::text AS revocation_change_id,
  d.revocation_error, a.last_read_at AS stat_last_read_at, a.reads_30d AS stat_reads_30d, a.reads_90d AS stat_reads_90d`;

const FROM = Prisma.sql`FROM review_decisions d LEFT JOIN access_stats a ON a.identity_key = d.identity_key AND a.secret_key = d.secret_key`;

export function statOf(r: DecisionRecord): AccessStatRecord | null {
  return r.stat_reads_90d === null ? null : { lastReadAt: r.stat_last_read_at, reads30d: r.stat_reads_30d ?? 0, reads90d: r.stat_reads_90d };
}

export interface DecisionFilter {
  reviewId: string;
  /** Only decisions assigned to (or decided by) this email. */
  reviewer?: string;
  outcome?: "pending" | "keep" | "revoke";
  team?: string;
  /** Authorisation: only decisions assigned to this email (engineers see their own). */
  assignee: string | null;
}

function where(f: DecisionFilter): Prisma.Sql {
  const c: Prisma.Sql[] = [Prisma.sql`d.review_id = ${f.reviewId}::uuid`];
  if (f.assignee) c.push(Prisma.sql`${f.assignee} = ANY(d.assigned_to)`);
  if (f.reviewer) c.push(Prisma.sql`(${f.reviewer} = ANY(d.assigned_to) OR d.reviewer = ${f.reviewer})`);
  if (f.outcome) c.push(Prisma.sql`d.outcome = ${f.outcome}::review_outcome`);
  if (f.team) c.push(Prisma.sql`d.owner_team = ANY(${teamSpellings(f.team)}::text[])`);
  return Prisma.sql`WHERE ${Prisma.join(c, " AND ")}`;
}

/** One page, pending first, then by secret and identity (stable across pages). */
export async function findDecisionPage(db: DbClient, f: DecisionFilter, page: number, pageSize: number): Promise<{ rows: DecisionRecord[]; total: number }> {
  const w = where(f);
  const [rows, counted] = await Promise.all([
    db.$queryRaw<DecisionRecord[]>`SELECT ${COLUMNS} ${FROM} ${w}
      ORDER BY (d.outcome = 'pending') DESC, d.secret_key, d.identity_key LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM review_decisions d ${w}`,
  ]);
  return { rows, total: counted[0]?.n ?? 0 };
}

/** Has the audit log been ingested at all? Without it, "no row" means "no evidence", not "unused". */
export async function auditEvidenceAvailable(db: DbClient): Promise<boolean> {
  const rows = await db.$queryRaw<{ found: boolean }[]>`SELECT EXISTS (SELECT 1 FROM access_stats) AS found`;
  return rows[0]?.found === true;
}

/** The decision and its campaign's state, locked for the decision's transaction. */
export async function lockDecision(tx: Prisma.TransactionClient, id: string): Promise<(DecisionRecord & { review_status: string }) | null> {
  const rows = await tx.$queryRaw<(DecisionRecord & { review_status: string })[]>`
    SELECT ${COLUMNS}, r.status::text AS review_status ${FROM} JOIN reviews r ON r.id = d.review_id
    WHERE d.id = ${id}::uuid FOR UPDATE OF d`;
  return rows[0] ?? null;
}

export async function findDecision(db: DbClient, id: string): Promise<DecisionRecord | null> {
  const rows = await db.$queryRaw<DecisionRecord[]>`SELECT ${COLUMNS} ${FROM} WHERE d.id = ${id}::uuid`;
  return rows[0] ?? null;
}

export async function recordDecision(
  tx: Prisma.TransactionClient,
  id: string,
  d: { outcome: "keep" | "revoke"; reviewer: string; reviewerName: string; justification: string; decidedAt: Date; selfReview: boolean; evidence: Prisma.InputJsonValue },
): Promise<void> {
  await tx.reviewDecision.update({
    where: { id },
    data: {
      outcome: d.outcome, reviewer: d.reviewer, reviewerName: d.reviewerName, justification: d.justification, decidedAt: d.decidedAt,
      selfReview: d.selfReview, evidence: d.evidence, revocationStatus: d.outcome === "revoke" ? "pending" : null,
    },
  });
}

export async function updateRevocation(db: DbClient, id: string, r: { status: "opened" | "failed"; changeId: string | null; error: string | null }): Promise<void> {
  await db.reviewDecision.update({ where: { id }, data: { revocationStatus: r.status, revocationChangeId: r.changeId, revocationError: r.error } });
}

/**
 * Every decision of a campaign in report order (identity, secret), `batch` rows at a time by
 * keyset on the unique (review_id, identity_key, secret_key) index: no OFFSET, no full load.
 */
export async function* iterateDecisions(db: DbClient, reviewId: string, batch = 1000): AsyncGenerator<DecisionRecord[]> {
  let after: { identity: string; secret: string } | null = null;
  for (;;) {
    const keyset: Prisma.Sql = after ? Prisma.sql`AND (d.identity_key, d.secret_key) > (${after.identity}, ${after.secret})` : Prisma.empty;
    const rows: DecisionRecord[] = await db.$queryRaw<DecisionRecord[]>`SELECT ${COLUMNS} ${FROM}
      WHERE d.review_id = ${reviewId}::uuid ${keyset} ORDER BY d.identity_key, d.secret_key LIMIT ${batch}`;
    if (rows.length > 0) yield rows;
    if (rows.length < batch) return;
    const last: DecisionRecord = rows[rows.length - 1]!;
    after = { identity: last.identity_key, secret: last.secret_key };
  }
}
