import { describe, expect, it } from "vitest";
import { computeSecretEvidence, staleVerdict, toExposureEvidence } from "./audit-evidence";
import { EXPOSURE_WEIGHTS as W } from "./exposure-weights";
import { rescoreWithEvidence } from "./score-exposure";

const NOW = new Date("2026-12-03T19:00:00Z");
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);

describe("computeSecretEvidence", () => {
  const stats = [
    { identityKey: "c:k8s/api", lastReadAt: daysAgo(1), reads30d: 40, reads90d: 120 },
    { identityKey: "c:jwt/ci", lastReadAt: daysAgo(45), reads30d: 0, reads90d: 3 },
    { identityKey: "c:approle/old-batch", lastReadAt: daysAgo(21), reads30d: 1, reads90d: 1 },
    { identityKey: "c:approle/ancient", lastReadAt: daysAgo(400), reads30d: 0, reads90d: 0 },
    { identityKey: "c:group/admins", lastReadAt: daysAgo(200), reads30d: 0, reads90d: 0 },
  ];
  const e = computeSecretEvidence({ readers: ["c:k8s/api", "c:jwt/ci", "c:group/admins", "c:group/never"], privileged: ["c:token/root"], stats, now: NOW });

  it("finds unused grants (can read, no read in 90 days), ghosts (read, no access now) and top readers", () => {
    expect(e.unusedGrants).toEqual(["c:group/admins", "c:group/never"]);
    expect(e.ghostReaders.map((g) => g.identityKey)).toEqual(["c:approle/old-batch", "c:approle/ancient"]);
    expect(e.topReaders.map((r) => [r.identityKey, r.reads90d])).toEqual([["c:k8s/api", 120], ["c:jwt/ci", 3]]);
    expect(e.lastReadAt).toBe(daysAgo(1).toISOString());
    expect(toExposureEvidence(e)).toEqual({ ghostReaders: 2, unusedGrants: 2, lastReadAt: daysAgo(1).toISOString() });
  });

  it("rescores a stored score: evidence terms recomputed, others kept, capped at 100", () => {
    const stored = [
      { term: W.environment.label, points: 10, detail: "environment prod" },
      { term: W.ghostReaders.label, points: 0, detail: "no audit evidence yet" },
      { term: W.unusedGrants.label, points: 0, detail: "no audit evidence yet" },
    ];
    const r = rescoreWithEvidence(stored, toExposureEvidence(e));
    expect(r.score).toBe(10 + 10 + 2);
    expect(r.terms.find((t) => t.term === W.ghostReaders.label)).toEqual({ term: W.ghostReaders.label, points: 10, detail: "2 identit(ies) read it before losing access" });
    expect(r.terms.find((t) => t.term === W.unusedGrants.label)?.detail).toBe("2 grant(s) not used in 90 days");
    const big = rescoreWithEvidence([{ term: "x", points: 95, detail: "" }, { term: "cap", points: -0, detail: "" }, { term: W.ghostReaders.label, points: 0, detail: "" }], toExposureEvidence(e));
    expect(big.score).toBe(100);
    expect(big.terms.at(-1)).toMatchObject({ term: "cap", points: -7 }); // 95 + 10 ghost + 2 unused (appended when missing)
  });
});

describe("staleVerdict", () => {
  it("uses the rotation period, 90 days when none, and never flags dynamic secrets", () => {
    expect(staleVerdict({ lifecycle: "static", rotationPeriodSeconds: 30 * 86_400, lastRotatedAt: daysAgo(31).toISOString(), createdTime: null }, NOW)).toMatchObject({ stale: true, periodSeconds: 30 * 86_400 });
    expect(staleVerdict({ lifecycle: "static", rotationPeriodSeconds: null, lastRotatedAt: daysAgo(60).toISOString(), createdTime: null }, NOW).stale).toBe(false);
    expect(staleVerdict({ lifecycle: "static", rotationPeriodSeconds: null, lastRotatedAt: null, createdTime: daysAgo(91).toISOString() }, NOW).stale).toBe(true);
    expect(staleVerdict({ lifecycle: "dynamic", rotationPeriodSeconds: null, lastRotatedAt: null, createdTime: null }, NOW).stale).toBe(false);
  });
});
