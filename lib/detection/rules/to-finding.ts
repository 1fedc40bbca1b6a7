import type { DetectionRule, Severity } from "../catalog";
import { findAllQuery, type RuleRow } from "../sql";
import type { Finding } from "../types";

/** A rule's row as a Finding: dedupe key rule|subject|window, counts over the whole window. */
export function toFinding(rule: DetectionRule, severity: Severity, row: RuleRow, windowSeconds: number, text: { subject: string; summary: string; conditions: string[] }): Finding {
  const start = new Date(row.window_start);
  const end = new Date(start.getTime() + windowSeconds * 1000);
  return {
    rule,
    severity,
    subject: text.subject,
    dedupeKey: `${rule}|${row.subject_key}|${start.toISOString()}`,
    firstSeen: new Date(row.first_seen),
    lastSeen: new Date(row.last_seen),
    count: row.n,
    evidence: {
      summary: text.summary,
      window: { start: start.toISOString(), end: end.toISOString() },
      subjectKey: row.subject_key,
      remoteAddresses: row.remote_addresses ?? [],
      identities: row.identities ?? [],
      distinctPaths: row.distinct_paths,
      facts: row.facts ?? {},
      sample: row.sample.map((e) => ({ ...e, time: new Date(e.time).toISOString() })),
      query: findAllQuery(start, end, text.conditions),
    },
  };
}
