/** One decision as the campaign report lists it (CSV and PDF). Safe for the client. */
import type { Evidence, RevocationStatus } from "./types";

export interface ReportRow {
  identityKey: string;
  secretKey: string;
  capabilities: string[];
  policyName: string | null;
  ownerTeam: string | null;
  environment: string | null;
  assignedTo: string[];
  outcome: "pending" | "keep" | "revoke";
  reviewer: string | null;
  reviewerName: string | null;
  justification: string | null;
  decidedAt: string | null;
  selfReview: boolean;
  /** For decided rows, what the reviewer saw; for pending rows, the evidence now. */
  evidence: Evidence;
  revocationStatus: RevocationStatus | null;
  revocationChangeId: string | null;
}
