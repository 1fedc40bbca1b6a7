import type { AlertStatusName, Severity } from "./catalog";
import type { EvidenceEvent } from "./sql";

/** One alert as the list, the CSV and the API show it (plain values, never a Prisma model). */
export interface AlertRow {
  id: string;
  rule: string;
  ruleLabel: string;
  severity: Severity;
  subject: string;
  status: AlertStatusName;
  assignee: string | null;
  count: number;
  firstSeen: string;
  lastSeen: string;
  summary: string;
}

export interface AlertList {
  rows: AlertRow[];
  total: number;
  page: number;
  pageSize: number;
}

export interface AlertHistoryEntry {
  time: string;
  actorEmail: string;
  action: string;
  details: Record<string, unknown>;
}

export interface AlertDetail extends AlertRow {
  note: string | null;
  resolvedAt: string | null;
  createdAt: string;
  evidence: {
    window: { start: string; end: string } | null;
    remoteAddresses: string[];
    identities: string[];
    distinctPaths: number | null;
    facts: Record<string, unknown>;
    sample: EvidenceEvent[];
    query: string | null;
    /** Evidence of rules that do not follow the detection shape (lib/health), as it is stored. */
    raw: Record<string, unknown>;
  };
  history: AlertHistoryEntry[];
}

/** People an alert can be assigned to: users whose roles may triage. */
export interface Assignee {
  email: string;
  name: string | null;
}
