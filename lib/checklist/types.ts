import type { ChecklistItemId } from "./items";

/** Plain, serialisable shapes the dashboard, the API and the exports share (safe anywhere). */
export type CheckStatus = "pass" | "fail" | "unknown";

export interface EvidenceRow {
  label: string;
  detail?: string | null;
  href?: string | null;
}

export interface AttestationView {
  outcome: "pass" | "fail";
  statement: string;
  performedAt: string | null;
  evidenceUrl: string | null;
  attestedBy: string;
  attestedAt: string;
}

export interface ChecklistItemResult {
  id: ChecklistItemId;
  title: string;
  question: string;
  status: CheckStatus;
  /** The verdict in one or two sentences, including why it is unknown. */
  summary: string;
  /** The evidence behind it, bounded (evidenceTotal says how many there are in all). */
  evidence: EvidenceRow[];
  evidenceTotal: number;
  /** Where the full evidence lives in the portal, when a page shows it. */
  evidenceHref: string | null;
  attestable: boolean;
  attestation: AttestationView | null;
}

export interface ChecklistReport {
  generatedAt: string;
  snapshot: { id: string; switchedAt: string } | null;
  items: ChecklistItemResult[];
  counts: Record<CheckStatus, number>;
}
