import type { GrantRecord, IdentityKind, SecretRecord } from "@/lib/sync/snapshot-data";
import type { Propagation } from "./compute-propagation";
import { DEFAULT_ROTATION_PERIOD_SECONDS, EXPOSURE_WEIGHTS as W } from "./exposure-weights";

export interface ExposureTermScore {
  term: string;
  points: number;
  detail: string;
}

/** Audit-log evidence per secret; undefined until the audit log has been ingested. */
export interface ExposureEvidence {
  ghostReaders: number;
  unusedGrants: number;
  lastReadAt: string | null;
}

export interface ScoredGrant extends Pick<GrantRecord, "identityKey" | "capabilities" | "rulePath"> {
  identityKind: IdentityKind;
}

export interface ExposureInput {
  secret: SecretRecord;
  /** Grants on the secret; list-only grants are ignored (they expose the name, not the value). */
  grants: readonly ScoredGrant[];
  propagation: Propagation;
  evidence?: ExposureEvidence;
  now: Date;
}

export interface ExposureScore {
  score: number;
  terms: ExposureTermScore[];
}

const HUMAN_KINDS = new Set<IdentityKind>(["group", "oidc"]);
const perUnit = (count: number, w: { perUnit: number; max: number }): number => Math.min(w.max, count * w.perUnit);
const days = (seconds: number): string => `${Math.round(seconds / 86_400)} days`;

/** 0-100, explained term by term; the points of the terms add up to the score. */
export function scoreExposure(input: ExposureInput): ExposureScore {
  const { secret, propagation } = input;
  const readers = input.grants.filter((g) => g.capabilities.includes("read"));
  const humans = readers.filter((g) => HUMAN_KINDS.has(g.identityKind)).length;
  const ci = readers.filter((g) => g.identityKind === "jwt").length;
  const workloads = readers.length - humans - ci;
  const wildcard = readers.filter((g) => g.rulePath.endsWith("*") || g.rulePath.includes("+")).length;
  const env = (secret.environment ?? "").toLowerCase();
  const envPoints = env === "prod" || env === "production" ? W.environment.prod : env === "staging" ? W.environment.staging : W.environment.other;
  const cls = (secret.classification ?? "").toLowerCase();
  const clsPoints = cls === "restricted" ? W.classification.restricted : cls === "confidential" ? W.classification.confidential : W.classification.other;
  const restartBound = propagation.consumers.filter((c) => c.waitsFor === "restart").length;

  const terms: ExposureTermScore[] = [
    { term: W.humanReaders.label, points: perUnit(humans, W.humanReaders), detail: `${humans} human group(s) can read the value` },
    { term: W.ciReaders.label, points: perUnit(ci, W.ciReaders), detail: `${ci} CI role(s) can read the value` },
    { term: W.workloadReaders.label, points: perUnit(workloads, W.workloadReaders), detail: `${workloads} workload identit(ies) can read the value` },
    { term: W.wildcardGrants.label, points: perUnit(wildcard, W.wildcardGrants), detail: `${wildcard} of ${readers.length} read grant(s) come from a wildcard rule` },
    { term: W.environment.label, points: envPoints, detail: secret.environment ? `environment ${secret.environment}` : "environment unknown" },
    { term: W.classification.label, points: clsPoints, detail: secret.classification ? `classified ${secret.classification}` : "no classification" },
    evidenceTerm(W.ghostReaders, input.evidence?.ghostReaders, GHOST_WHAT),
    evidenceTerm(W.unusedGrants, input.evidence?.unusedGrants, UNUSED_WHAT),
    rotationTerm(secret, input.now),
    propagationTerm(propagation),
    { term: W.restartBound.label, points: perUnit(restartBound, W.restartBound), detail: `${restartBound} consumer(s) need a restart to pick up a new value` },
  ];
  const total = terms.reduce((sum, t) => sum + t.points, 0);
  if (total > 100) terms.push({ term: "cap", points: 100 - total, detail: "score capped at 100" });
  return { score: Math.min(100, total), terms };
}

/**
 * A stored score (computed at sync time, possibly before any audit evidence) with its two evidence
 * terms recomputed from `evidence`; the other terms are kept, the cap recomputed.
 */
export function rescoreWithEvidence(terms: readonly ExposureTermScore[], evidence: ExposureEvidence): ExposureScore {
  const out = terms.filter((t) => t.term !== "cap").map((t) => {
    if (t.term === W.ghostReaders.label) return evidenceTerm(W.ghostReaders, evidence.ghostReaders, GHOST_WHAT);
    if (t.term === W.unusedGrants.label) return evidenceTerm(W.unusedGrants, evidence.unusedGrants, UNUSED_WHAT);
    return t;
  });
  if (!out.some((t) => t.term === W.ghostReaders.label)) out.push(evidenceTerm(W.ghostReaders, evidence.ghostReaders, GHOST_WHAT));
  if (!out.some((t) => t.term === W.unusedGrants.label)) out.push(evidenceTerm(W.unusedGrants, evidence.unusedGrants, UNUSED_WHAT));
  const total = out.reduce((sum, t) => sum + t.points, 0);
  if (total > 100) out.push({ term: "cap", points: 100 - total, detail: "score capped at 100" });
  return { score: Math.max(0, Math.min(100, total)), terms: out };
}

const GHOST_WHAT = "identit(ies) read it before losing access";
const UNUSED_WHAT = "grant(s) not used in 90 days";

function evidenceTerm(w: { perUnit: number; max: number; label: string }, count: number | undefined, what: string): ExposureTermScore {
  if (count === undefined) return { term: w.label, points: 0, detail: "no audit evidence yet" };
  return { term: w.label, points: perUnit(count, w), detail: `${count} ${what}` };
}

function rotationTerm(secret: SecretRecord, now: Date): ExposureTermScore {
  const w = W.rotationAge;
  if (secret.lifecycle === "dynamic") return { term: w.label, points: 0, detail: "dynamic: every lease gets its own short-lived credentials" };
  const period = secret.rotationPeriodSeconds ?? DEFAULT_ROTATION_PERIOD_SECONDS;
  const periodText = secret.rotationPeriodSeconds ? `rotation period ${days(period)}` : `no rotation period (${days(period)} assumed)`;
  const since = secret.lastRotatedAt ?? secret.createdTime;
  if (!since) return { term: w.label, points: w.stale, detail: `never rotated as far as known; ${periodText}` };
  const age = (now.getTime() - Date.parse(since)) / 1000;
  const points = age > 2 * period ? w.veryStale : age > period ? w.stale : 0;
  return { term: w.label, points, detail: `last rotated ${days(Math.max(0, age))} ago; ${periodText}${points > 0 ? ": stale" : ""}` };
}

function propagationTerm(p: Propagation): ExposureTermScore {
  const w = W.propagation;
  if (p.totalSeconds === null) return { term: w.label, points: w.overOneHour, detail: "unbounded: some consumer keeps the old value until it restarts or is resynced" };
  const points = p.totalSeconds > 3600 ? w.overOneHour : p.totalSeconds > 300 ? w.overFiveMinutes : 0;
  return { term: w.label, points, detail: p.consumers.length === 0 ? "no known consumers" : `every consumer has a new value within ${p.totalSeconds}s` };
}
