import "server-only";
import { can } from "@/lib/auth/permissions";
import { getActiveSnapshotId } from "@/lib/db/snapshots";
import { AppError } from "@/lib/errors";
import { countProgress, countProgressByReviewer, findCampaign, findCampaigns, findCampaignTeams, findScopeOptions, type CampaignRecord } from "./campaign-repository";
import { assertCan, canManage, nowOf, readScope, type ReviewContext } from "./context";
import { auditEvidenceAvailable, findDecisionPage } from "./decision-repository";
import { groupsOf } from "./directory";
import { reviewIdSchema, type CampaignListParams, type DecisionListParams } from "./schemas";
import type { CampaignDetail, CampaignSummary, DecisionPage } from "./types";
import { toCampaignSummary, toDecisionRow } from "./views";

export const CAMPAIGNS_PER_PAGE = 50;

/** Campaigns newest first, with progress (an engineer sees the ones assigned to them, and their own progress). */
export async function listCampaigns(ctx: ReviewContext, params: CampaignListParams): Promise<{ rows: CampaignSummary[]; page: number; hasNext: boolean }> {
  const { assignee } = readScope(ctx);
  const records = await findCampaigns(ctx.db, { status: params.status, assignee, skip: (params.page - 1) * CAMPAIGNS_PER_PAGE, take: CAMPAIGNS_PER_PAGE + 1 });
  const page = records.slice(0, CAMPAIGNS_PER_PAGE);
  const progress = await countProgress(ctx.db, page.map((r) => r.id), assignee);
  const now = nowOf(ctx);
  return { rows: page.map((r) => toCampaignSummary(r, progress.get(r.id)!, now)), page: params.page, hasNext: records.length > CAMPAIGNS_PER_PAGE };
}

/** A campaign the user may see, or not_found (a campaign not assigned to an engineer does not exist for them). */
async function visibleCampaign(ctx: ReviewContext, rawId: string): Promise<{ record: CampaignRecord; assignee: string | null }> {
  const { assignee } = readScope(ctx);
  const id = reviewIdSchema.safeParse(rawId);
  const record = id.success ? await findCampaign(ctx.db, id.data) : null;
  if (!record) throw new AppError("not_found", { userMessage: "No such review campaign." });
  if (assignee) {
    const progress = await countProgress(ctx.db, [record.id], assignee);
    if ((progress.get(record.id)?.total ?? 0) === 0) throw new AppError("not_found", { userMessage: "No such review campaign." });
  }
  return { record, assignee };
}

export async function getCampaign(ctx: ReviewContext, id: string): Promise<CampaignDetail> {
  const { record, assignee } = await visibleCampaign(ctx, id);
  const [progress, byReviewer, teams] = await Promise.all([
    countProgress(ctx.db, [record.id], assignee),
    countProgressByReviewer(ctx.db, record.id),
    findCampaignTeams(ctx.db, record.id),
  ]);
  const reviewers = [...byReviewer].map(([reviewer, p]) => ({ reviewer, ...p }))
    .filter((r) => !assignee || r.reviewer === assignee)
    .sort((a, b) => a.reviewer.localeCompare(b.reviewer));
  return {
    ...toCampaignSummary(record, progress.get(record.id)!, nowOf(ctx)),
    snapshotId: record.snapshotId,
    reviewers,
    teams,
    canManage: canManage(ctx),
    canDecide: record.status === "open" && can(ctx.user.roles, "reviews.decide"),
  };
}

/** One page of a campaign's decisions with filters, evidence and what the user may do on each row. */
export async function listDecisions(ctx: ReviewContext, id: string, params: DecisionListParams): Promise<DecisionPage> {
  const { record, assignee } = await visibleCampaign(ctx, id);
  const reviewer = params.reviewer === "me" ? ctx.user.email : params.reviewer;
  const [{ rows, total }, auditAvailable, groups] = await Promise.all([
    findDecisionPage(ctx.db, { reviewId: record.id, reviewer, outcome: params.outcome, team: params.team, assignee }, params.page, params.pageSize),
    auditEvidenceAvailable(ctx.db),
    groupsOf(ctx.directory, ctx.user.email),
  ]);
  const viewer = { user: ctx.user, groups, campaignOpen: record.status === "open", auditAvailable };
  return { rows: rows.map((r) => toDecisionRow(r, viewer)), page: params.page, pageSize: params.pageSize, total };
}

/** Values for the "new campaign" form's selects (null before the first sync). */
export async function getScopeOptions(ctx: ReviewContext) {
  assertCan(ctx, "reviews.manage");
  const snapshotId = await getActiveSnapshotId(ctx.db);
  return snapshotId ? findScopeOptions(ctx.db, snapshotId) : null;
}
