import "server-only";
import { can } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/user";
import type { CampaignRecord } from "./campaign-repository";
import { statOf, type DecisionRecord } from "./decision-repository";
import { parseStoredEvidence, toEvidence } from "./evidence";
import type { ReportRow } from "./report-types";
import { reviewScopeSchema } from "./schemas";
import { selfReviewReason } from "./self-review";
import type { CampaignSummary, DecisionRow, Progress, RevocationStatus } from "./types";

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function toCampaignSummary(r: CampaignRecord, progress: Progress, now: Date): CampaignSummary {
  const scope = reviewScopeSchema.safeParse(r.scope);
  return {
    id: r.id, name: r.name, scope: scope.success ? scope.data : reviewScopeSchema.parse({}), status: r.status, createdBy: r.createdBy, createdByName: r.createdByName,
    createdAt: r.createdAt.toISOString(), dueAt: iso(r.dueAt), closedAt: iso(r.closedAt), closedBy: r.closedBy,
    overdue: r.status === "open" && r.dueAt !== null && r.dueAt.getTime() < now.getTime(),
    progress,
  };
}

export interface Viewer {
  user: CurrentUser;
  groups: string[];
  campaignOpen: boolean;
  auditAvailable: boolean;
}

/** May this user decide this (pending) row: an assigned reviewer, or a campaign manager. */
export function mayDecide(user: CurrentUser, assignedTo: readonly string[]): boolean {
  if (!can(user.roles, "reviews.decide")) return false;
  return can(user.roles, "reviews.manage") || assignedTo.some((e) => e.toLowerCase() === user.email.toLowerCase());
}

/** What lists and reports share of one decision: for decided rows the evidence the reviewer saw, else the evidence now. */
export function toDecisionFacts(r: DecisionRecord, auditAvailable: boolean): ReportRow {
  return {
    identityKey: r.identity_key, secretKey: r.secret_key, capabilities: r.capabilities, policyName: r.policy_name,
    ownerTeam: r.owner_team, environment: r.environment, assignedTo: r.assigned_to, outcome: r.outcome,
    reviewer: r.reviewer, reviewerName: r.reviewer_name, justification: r.justification, decidedAt: iso(r.decided_at),
    selfReview: r.self_review,
    evidence: (r.outcome !== "pending" ? parseStoredEvidence(r.evidence) : null) ?? toEvidence(statOf(r), auditAvailable),
    revocationStatus: (r.revocation_status as RevocationStatus | null) ?? null,
    revocationChangeId: r.revocation_change_id,
  };
}

export function toDecisionRow(r: DecisionRecord, v: Viewer): DecisionRow {
  const canDecide = r.outcome === "pending" && v.campaignOpen && mayDecide(v.user, r.assigned_to);
  return {
    ...toDecisionFacts(r, v.auditAvailable),
    id: r.id,
    rulePath: r.rule_path,
    revocationError: r.revocation_error,
    canDecide,
    selfReviewWarning: canDecide ? selfReviewReason({ email: v.user.email, groups: v.groups }, { identityKey: r.identity_key, identityTeams: r.identity_teams }) : null,
  };
}
