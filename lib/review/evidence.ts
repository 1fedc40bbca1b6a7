/** Evidence of use from access_stats (rolled up from the Vault audit log). Pure. */
import type { Evidence } from "./types";

export interface AccessStatRecord {
  lastReadAt: Date | string | null;
  reads30d: number;
  reads90d: number;
}

const iso = (d: Date | string | null): string | null => (d === null ? null : typeof d === "string" ? d : d.toISOString());

/**
 * `auditAvailable`: the audit log has been ingested at all (access_stats is not empty). Without it
 * a missing row means "we do not know", not "unused".
 */
export function toEvidence(stat: AccessStatRecord | null, auditAvailable: boolean): Evidence {
  if (stat && stat.reads90d > 0) return { kind: "used", lastReadAt: iso(stat.lastReadAt), reads30d: stat.reads30d, reads90d: stat.reads90d };
  if (stat || auditAvailable) return { kind: "unused", lastReadAt: stat ? iso(stat.lastReadAt) : null, reads30d: 0, reads90d: 0 };
  return { kind: "none" };
}

/** Evidence as stored on a decision (jsonb) -> Evidence; anything unexpected reads as "none". */
export function parseStoredEvidence(value: unknown): Evidence | null {
  if (!value || typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  const lastReadAt = typeof v.lastReadAt === "string" ? v.lastReadAt : null;
  if (v.kind === "used") return { kind: "used", lastReadAt, reads30d: Number(v.reads30d) || 0, reads90d: Number(v.reads90d) || 0 };
  if (v.kind === "unused") return { kind: "unused", lastReadAt, reads30d: 0, reads90d: 0 };
  return { kind: "none" };
}

/** One line for tables, CSV and PDF. */
export function evidenceLabel(e: Evidence): string {
  if (e.kind === "none") return "no audit evidence";
  if (e.kind === "unused") return e.lastReadAt ? `unused (no read in 90 days; last read ${e.lastReadAt.slice(0, 10)})` : "unused (never read in 90 days)";
  const last = e.lastReadAt ? `, last read ${e.lastReadAt.slice(0, 10)}` : "";
  return `${e.reads90d} read${e.reads90d === 1 ? "" : "s"} in 90 days${last}`;
}
