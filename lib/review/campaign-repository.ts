import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/lib/db/create-client";
import type { ReviewScope } from "./schemas";
import { andAll, scopeConditions } from "./scope-sql";
import type { Progress } from "./types";

/** Owner teams of the secrets in scope (a few dozen at most), to assign reviewers before copying. */
export async function findTeamsInScope(db: DbClient, snapshotId: string, scope: ReviewScope): Promise<string[]> {
  const rows = await db.$queryRaw<{ team: string }[]>`
    SELECT DISTINCT s.owner_team AS team FROM secrets s
    WHERE s.snapshot_id = ${snapshotId}::uuid AND s.owner_team IS NOT NULL ${andAll(scopeConditions(scope))}`;
  return rows.map((r) => r.team).sort();
}

export async function anyGrantInScope(db: DbClient, snapshotId: string, scope: ReviewScope): Promise<boolean> {
  const rows = await db.$queryRaw<{ found: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM grants g JOIN secrets s ON s.id = g.secret_id
      WHERE g.snapshot_id = ${snapshotId}::uuid AND s.snapshot_id = ${snapshotId}::uuid ${andAll(scopeConditions(scope))}) AS found`;
  return rows[0]?.found === true;
}

/**
 * Copies every grant in scope into the campaign in ONE statement (INSERT ... SELECT): the grants
 * never pass through the portal's memory, so a campaign over 100,000 grants costs the database a
 * join, not the process a 100,000-row array. Reviewers come from `reviewersByTeam` (team as stored
 * on the secret -> emails), else the creator. Returns the number of decisions created.
 */
export async function copyGrantsIntoCampaign(
  db: DbClient,
  input: { reviewId: string; snapshotId: string; scope: ReviewScope; reviewersByTeam: Record<string, string[]>; fallbackReviewer: string },
): Promise<number> {
  const { reviewId, snapshotId } = input;
  const map = JSON.stringify(input.reviewersByTeam);
  return db.$executeRaw`
    WITH identity_teams AS (
      SELECT c.identity_id, array_agg(DISTINCT w.owner_team ORDER BY w.owner_team) AS teams
      FROM consumptions c JOIN workloads w ON w.id = c.workload_id
      WHERE c.snapshot_id = ${snapshotId}::uuid AND c.identity_id IS NOT NULL AND w.owner_team IS NOT NULL
      GROUP BY c.identity_id
    )
    INSERT INTO review_decisions (review_id, identity_key, secret_key, capabilities, policy_name, rule_path, owner_team, environment, identity_teams, assigned_to)
    SELECT ${reviewId}::uuid, i.key, s.key, g.capabilities, g.policy_name, g.rule_path, s.owner_team, s.environment,
      COALESCE(t.teams, ARRAY[]::text[]),
      CASE WHEN ${map}::jsonb ? s.owner_team
        THEN ARRAY(SELECT jsonb_array_elements_text(${map}::jsonb -> s.owner_team))
        ELSE ARRAY[${input.fallbackReviewer}]::text[] END
    FROM grants g
    JOIN secrets s ON s.id = g.secret_id
    JOIN identities i ON i.id = g.identity_id
    LEFT JOIN identity_teams t ON t.identity_id = g.identity_id
    WHERE g.snapshot_id = ${snapshotId}::uuid AND s.snapshot_id = ${snapshotId}::uuid ${andAll(scopeConditions(input.scope))}
    ON CONFLICT (review_id, identity_key, secret_key) DO NOTHING`;
}

export interface CampaignRecord {
  id: string; name: string; scope: unknown; status: "open" | "closed"; createdBy: string; createdByName: string | null;
  createdAt: Date; dueAt: Date | null; closedAt: Date | null; closedBy: string | null; snapshotId: string | null; grantCount: number;
}

const CAMPAIGN_SELECT = {
  id: true, name: true, scope: true, status: true, createdBy: true, createdByName: true, createdAt: true, dueAt: true,
  closedAt: true, closedBy: true, snapshotId: true, grantCount: true,
} as const;

/** Campaigns newest first; `assignee` restricts to those with a decision assigned to that email. */
export async function findCampaigns(db: DbClient, options: { status?: "open" | "closed"; assignee: string | null; skip: number; take: number }): Promise<CampaignRecord[]> {
  return db.review.findMany({
    where: {
      ...(options.status ? { status: options.status } : {}),
      ...(options.assignee ? { decisions: { some: { assignedTo: { has: options.assignee } } } } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    skip: options.skip,
    take: options.take,
    select: CAMPAIGN_SELECT,
  });
}

export async function findCampaign(db: DbClient, id: string): Promise<CampaignRecord | null> {
  return db.review.findUnique({ where: { id }, select: CAMPAIGN_SELECT });
}

export function emptyProgress(): Progress {
  return { total: 0, decided: 0, kept: 0, revoked: 0, pending: 0, percent: 0 };
}

export function finishProgress(p: Progress): Progress {
  const decided = p.kept + p.revoked;
  const total = decided + p.pending;
  return { ...p, decided, total, percent: total === 0 ? 100 : p.pending === 0 ? 100 : Math.floor((decided * 100) / total) };
}

function addCount(p: Progress, outcome: string, n: number): void {
  if (outcome === "keep") p.kept += n;
  else if (outcome === "revoke") p.revoked += n;
  else p.pending += n;
}

/** Progress per campaign (counts by outcome; the (review_id, outcome) index answers it). */
export async function countProgress(db: DbClient, reviewIds: string[], assignee: string | null): Promise<Map<string, Progress>> {
  const out = new Map<string, Progress>(reviewIds.map((id) => [id, emptyProgress()]));
  if (reviewIds.length === 0) return out;
  const mine = assignee ? Prisma.sql`AND ${assignee} = ANY(d.assigned_to)` : Prisma.empty;
  const rows = await db.$queryRaw<{ review_id: string; outcome: string; n: number }[]>`
    SELECT d.review_id::text AS review_id, d.outcome::text AS outcome, count(*)::int AS n FROM review_decisions d
    WHERE d.review_id = ANY(${reviewIds}::uuid[]) ${mine} GROUP BY 1, 2`;
  for (const r of rows) addCount(out.get(r.review_id) ?? emptyProgress(), r.outcome, r.n);
  return new Map([...out].map(([id, p]) => [id, finishProgress(p)]));
}

/** Progress per assigned reviewer (a decision counts for each of its reviewers, whoever decided it). */
export async function countProgressByReviewer(db: DbClient, reviewId: string): Promise<Map<string, Progress>> {
  const rows = await db.$queryRaw<{ reviewer: string; outcome: string; n: number }[]>`
    SELECT r.email AS reviewer, d.outcome::text AS outcome, count(*)::int AS n
    FROM review_decisions d CROSS JOIN LATERAL unnest(d.assigned_to) AS r(email)
    WHERE d.review_id = ${reviewId}::uuid GROUP BY 1, 2`;
  const out = new Map<string, Progress>();
  for (const r of rows) {
    const p = out.get(r.reviewer) ?? emptyProgress();
    addCount(p, r.outcome, r.n);
    out.set(r.reviewer, p);
  }
  return new Map([...out].map(([k, p]) => [k, finishProgress(p)]));
}

export async function findCampaignTeams(db: DbClient, reviewId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ team: string }[]>`
    SELECT DISTINCT owner_team AS team FROM review_decisions WHERE review_id = ${reviewId}::uuid AND owner_team IS NOT NULL ORDER BY 1`;
  return rows.map((r) => r.team);
}

/** Locks the campaign row for a state change (close) and returns its status. */
export async function lockCampaign(tx: Prisma.TransactionClient, id: string): Promise<{ status: string } | null> {
  const rows = await tx.$queryRaw<{ status: string }[]>`SELECT status::text AS status FROM reviews WHERE id = ${id}::uuid FOR UPDATE`;
  return rows[0] ?? null;
}

/** Values offered by the "new campaign" form, from the active snapshot. */
export async function findScopeOptions(db: DbClient, snapshotId: string): Promise<{ environments: string[]; teams: string[]; mounts: string[]; classifications: string[] }> {
  const rows = await db.$queryRaw<{ facet: "environments" | "teams" | "mounts" | "classifications"; value: string }[]>`
    SELECT 'environments' AS facet, environment AS value FROM secrets WHERE snapshot_id = ${snapshotId}::uuid AND environment IS NOT NULL GROUP BY 2
    UNION ALL SELECT 'teams', owner_team FROM secrets WHERE snapshot_id = ${snapshotId}::uuid AND owner_team IS NOT NULL GROUP BY 2
    UNION ALL SELECT 'mounts', cluster || ':' || mount FROM secrets WHERE snapshot_id = ${snapshotId}::uuid GROUP BY 2
    UNION ALL SELECT 'classifications', classification FROM secrets WHERE snapshot_id = ${snapshotId}::uuid AND classification IS NOT NULL GROUP BY 2`;
  const out = { environments: [] as string[], teams: [] as string[], mounts: [] as string[], classifications: [] as string[] };
  for (const r of rows) out[r.facet].push(r.value);
  for (const list of Object.values(out)) list.sort();
  return out;
}
