import type { CsvColumn } from "@/lib/inventory/csv";
import { evidenceLabel } from "./evidence";
import type { ReportRow } from "./report-types";

/** The campaign report as CSV: one row per decision, who / what / outcome / why / evidence / when. */
export const REVIEW_REPORT_CSV: readonly CsvColumn<ReportRow>[] = [
  { header: "secret", value: (r) => r.secretKey },
  { header: "identity", value: (r) => r.identityKey },
  { header: "capabilities", value: (r) => r.capabilities.join(" ") },
  { header: "policy", value: (r) => r.policyName },
  { header: "owner_team", value: (r) => r.ownerTeam },
  { header: "environment", value: (r) => r.environment },
  { header: "assigned_reviewers", value: (r) => r.assignedTo.join(" ") },
  { header: "outcome", value: (r) => r.outcome },
  { header: "decided_by", value: (r) => r.reviewer },
  { header: "decided_by_name", value: (r) => r.reviewerName },
  { header: "decided_at", value: (r) => r.decidedAt },
  { header: "justification", value: (r) => r.justification },
  { header: "self_review", value: (r) => r.selfReview },
  { header: "evidence", value: (r) => evidenceLabel(r.evidence) },
  { header: "last_read_at", value: (r) => (r.evidence.kind === "none" ? null : r.evidence.lastReadAt) },
  { header: "reads_90d", value: (r) => (r.evidence.kind === "none" ? null : r.evidence.reads90d) },
  { header: "revocation_status", value: (r) => r.revocationStatus },
  { header: "revocation_change_id", value: (r) => r.revocationChangeId },
];
