import { describe, expect, it } from "vitest";
import { computePropagation } from "./compute-propagation";
import { EXPOSURE_WEIGHTS } from "./exposure-weights";
import { scoreExposure, type ScoredGrant } from "./score-exposure";
import { consumption, kvSecret } from "./test-helpers";

const NOW = new Date("2026-12-03T12:00:00Z");
const grant = (identityKey: string, identityKind: ScoredGrant["identityKind"], rulePath: string, capabilities = ["read"]): ScoredGrant => ({ identityKey, identityKind, rulePath, capabilities });
const points = (terms: { term: string; points: number }[], label: string) => terms.find((t) => t.term === label)?.points;

describe("scoreExposure", () => {
  it("weights its maxima to exactly 100", () => {
    expect(Object.values(EXPOSURE_WEIGHTS).reduce((sum, w) => sum + w.max, 0)).toBe(100);
  });

  it("explains a production secret term by term, and the terms add up to the score", () => {
    const secret = kvSecret("kv-prod", "payments/prod/api/stripe", { environment: "prod", classification: "restricted", rotationPeriodSeconds: 30 * 86_400, lastRotatedAt: "2026-09-01T00:00:00Z" });
    const grants = [
      grant("g1", "group", "kv-prod/data/payments/prod/*"),
      grant("g2", "group", "kv-prod/data/*"),
      grant("ci", "jwt", "kv-prod/data/payments/+/api/*"),
      grant("k8s", "kubernetes", "kv-prod/data/payments/prod/api/stripe"),
      grant("auditor", "group", "kv-prod/metadata/*", ["list"]),
    ];
    const propagation = computePropagation([consumption("api", secret.key, { reload: "restart" })], secret);
    const { score, terms } = scoreExposure({ secret, grants, propagation, now: NOW });
    const W = EXPOSURE_WEIGHTS;
    expect(points(terms, W.humanReaders.label)).toBe(8); // list-only auditors do not count
    expect(points(terms, W.ciReaders.label)).toBe(2);
    expect(points(terms, W.workloadReaders.label)).toBe(1);
    expect(points(terms, W.wildcardGrants.label)).toBe(3);
    expect(points(terms, W.environment.label)).toBe(10);
    expect(points(terms, W.classification.label)).toBe(10);
    expect(terms.find((t) => t.term === W.ghostReaders.label)).toMatchObject({ points: 0, detail: "no audit evidence yet" });
    expect(points(terms, W.rotationAge.label)).toBe(12); // 93 days > 2 x 30
    expect(points(terms, W.propagation.label)).toBe(5);
    expect(points(terms, W.restartBound.label)).toBe(2);
    expect(score).toBe(terms.reduce((s, t) => s + t.points, 0));
    expect(score).toBe(53);
  });

  it("counts audit evidence when present, treats dynamic secrets as never stale, and stays within 0-100", () => {
    const secret = { ...kvSecret("database", "creds/api"), lifecycle: "dynamic" as const, environment: "dev" };
    const none = scoreExposure({ secret, grants: [], propagation: computePropagation([], secret), evidence: { ghostReaders: 1, unusedGrants: 9, lastReadAt: null }, now: NOW });
    expect(none.terms.filter((t) => t.points > 0).map((t) => [t.term, t.points])).toEqual([[EXPOSURE_WEIGHTS.ghostReaders.label, 5], [EXPOSURE_WEIGHTS.unusedGrants.label, 5]]);
    expect(none.score).toBe(10);
    const many = Array.from({ length: 50 }, (_, i) => grant(`g${i}`, i % 2 ? "group" : "jwt", "kv/*"));
    const stale = kvSecret("kv-prod", "x", { environment: "prod", classification: "restricted", lastRotatedAt: "2025-01-01T00:00:00Z" });
    const consumers = Array.from({ length: 9 }, (_, i) => consumption(`w${i}`, stale.key, { reload: "restart" }));
    const max = scoreExposure({ secret: stale, grants: [...many, grant("k", "kubernetes", "*"), ...Array.from({ length: 8 }, (_, i) => grant(`k${i}`, "approle", "kv/*"))], propagation: computePropagation(consumers, stale), evidence: { ghostReaders: 4, unusedGrants: 40, lastReadAt: null }, now: NOW });
    expect(max.score).toBe(100);
  });
});
