import type { DetectionRule, Severity } from "./catalog";
import type { DetectionSettings } from "./settings";
import type { EvidenceEvent } from "./sql";

/** The window a rule scans: aligned to its dedup window, so every touched window is recomputed whole. */
export interface Scan {
  from: Date;
  to: Date;
  now: Date;
  settings: DetectionSettings;
}

/** One firing of a rule for one subject in one window: becomes (or updates) one alert row. */
export interface Finding {
  rule: DetectionRule;
  severity: Severity;
  subject: string;
  /** rule | subject key | window start */
  dedupeKey: string;
  firstSeen: Date;
  lastSeen: Date;
  count: number;
  evidence: AlertEvidence;
}

/** What an alert carries so a person can judge it without a database console. */
export interface AlertEvidence {
  summary: string;
  window: { start: string; end: string };
  subjectKey: string;
  remoteAddresses: string[];
  identities: string[];
  distinctPaths: number;
  facts: Record<string, unknown>;
  /** The first SAMPLE_SIZE matching events in time order. */
  sample: EvidenceEvent[];
  /** Runs against the portal database and returns every matching event. */
  query: string;
}
