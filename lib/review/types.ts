/**
 * What the review capability hands to pages, components and the JSON API: plain serialisable
 * objects (ISO strings, no Prisma models). Safe for the client.
 */
import type { ReviewScope } from "./schemas";

export interface Progress {
  total: number;
  decided: number;
  kept: number;
  revoked: number;
  pending: number;
  /** 0-100, rounded down (100 only when nothing is pending). */
  percent: number;
}

export interface CampaignSummary {
  id: string;
  name: string;
  scope: ReviewScope;
  status: "open" | "closed";
  createdBy: string;
  createdByName: string | null;
  createdAt: string;
  dueAt: string | null;
  closedAt: string | null;
  closedBy: string | null;
  /** Past the deadline and still open. */
  overdue: boolean;
  progress: Progress;
}

export interface ReviewerProgress extends Progress {
  reviewer: string;
}

export interface CampaignDetail extends CampaignSummary {
  snapshotId: string | null;
  reviewers: ReviewerProgress[];
  teams: string[];
  /** What the signed-in user may do here. */
  canManage: boolean;
  canDecide: boolean;
}

/**
 * Evidence of use from the audit log (access_stats): `used` (read in the last 90 days), `unused`
 * (audit evidence exists, but no read in 90 days), `none` (no audit evidence ingested at all).
 */
export type Evidence =
  | { kind: "used"; lastReadAt: string | null; reads30d: number; reads90d: number }
  | { kind: "unused"; lastReadAt: string | null; reads30d: 0; reads90d: 0 }
  | { kind: "none" };

export type RevocationStatus = "pending" | "opened" | "failed";

export interface DecisionRow {
  id: string;
  identityKey: string;
  secretKey: string;
  capabilities: string[];
  policyName: string | null;
  rulePath: string | null;
  ownerTeam: string | null;
  environment: string | null;
  assignedTo: string[];
  outcome: "pending" | "keep" | "revoke";
  reviewer: string | null;
  reviewerName: string | null;
  justification: string | null;
  decidedAt: string | null;
  selfReview: boolean;
  /** Live evidence for pending rows; for decided rows, the evidence the reviewer saw. */
  evidence: Evidence;
  revocationStatus: RevocationStatus | null;
  revocationChangeId: string | null;
  revocationError: string | null;
  /** For the signed-in user: may decide this row now, and would it be a self-review (why). */
  canDecide: boolean;
  selfReviewWarning: string | null;
}

export interface DecisionPage {
  rows: DecisionRow[];
  page: number;
  pageSize: number;
  total: number;
}

export type DecideResult =
  | { ok: true; outcome: "keep" | "revoke"; selfReview: boolean; revocation: { status: RevocationStatus; changeId: string | null; prUrl: string | null; error: string | null } | null }
  | { ok: false; fieldErrors: Record<string, string> };

export type CreateCampaignResult = { ok: true; id: string; grantCount: number } | { ok: false; fieldErrors: Record<string, string> };
