import { describe, expect, it } from "vitest";
import { computePropagation } from "./compute-propagation";
import { consumption, kvSecret } from "./test-helpers";

const secret = kvSecret("kv", "payments/dev/api/stripe");
const dbSecret = { ...kvSecret("database", "creds/api"), dataPath: "database/creds/api", metadataPath: null, lifecycle: "dynamic" as const, leaseTtlSeconds: 86_400 };

describe("computePropagation", () => {
  it("uses the parser's interval and kubelet delay; hot consumers have a bounded time", () => {
    const p = computePropagation([
      consumption("k8s:a", secret.key, { refreshIntervalSeconds: 60 }),
      consumption("k8s:b", secret.key, { mechanism: "eso", refreshIntervalSeconds: 3600, details: { refreshTrigger: "interval", syncDelaySeconds: 120, delivery: "k8s-secret-volume" } }),
    ], secret);
    expect(p.consumers.map((c) => [c.workloadKey, c.distributionDelaySeconds, c.reloadDelaySeconds, c.newValueAfterSeconds, c.waitsFor])).toEqual([
      ["k8s:a", 60, 0, 60, "timer"],
      ["k8s:b", 3720, 0, 3720, "timer"],
    ]);
    expect(p).toMatchObject({ totalSeconds: 3720, restartBound: false, slowestWorkloadKey: "k8s:b" });
  });

  it("falls back to the documented defaults when the parser left fields out", () => {
    const p = computePropagation([
      consumption("k8s:agent", secret.key, { refreshIntervalSeconds: null, details: {} }),
      consumption("k8s:eso", secret.key, { mechanism: "eso", refreshIntervalSeconds: null, details: { refreshTrigger: "interval", delivery: "k8s-secret-volume" } }),
    ], secret);
    expect(p.consumers.map((c) => c.newValueAfterSeconds)).toEqual([null, 3600 + 120]);
    expect(p.consumers[0]!.waitsFor).toBe("restart"); // no timer, no trigger: read at pod start
  });

  it("makes the total unbounded when a consumer needs a restart", () => {
    const p = computePropagation([
      consumption("k8s:hot", secret.key),
      consumption("k8s:env", secret.key, { mechanism: "eso", reload: "restart", refreshIntervalSeconds: 3600, details: { refreshTrigger: "interval", delivery: "k8s-secret-env" } }),
      consumption("k8s:csi", secret.key, { mechanism: "csi", refreshIntervalSeconds: null, reload: "restart", details: { refreshTrigger: "pod-start", delivery: "file" } }),
    ], secret);
    expect(p.consumers.map((c) => [c.distributionDelaySeconds, c.newValueAfterSeconds, c.waitsFor])).toEqual([[300, 300, "timer"], [3600, null, "restart"], [null, null, "restart"]]);
    expect(p).toMatchObject({ totalSeconds: null, restartBound: true, slowestWorkloadKey: "k8s:env" });
  });

  it("re-issues leased secrets with the lease TTL, and CI gets the value at its next run", () => {
    const p = computePropagation([
      consumption("k8s:agent", dbSecret.key, { refreshIntervalSeconds: null, details: { refreshTrigger: "lease-renewal", leased: true, delivery: "file" } }),
      consumption("ci:acme/api/deploy.yml#deploy", dbSecret.key, { mechanism: "ci-oidc", reload: "per-run", refreshIntervalSeconds: 0, details: { refreshTrigger: "job-start", delivery: "env" } }),
    ], dbSecret);
    expect(p.consumers.map((c) => [c.newValueAfterSeconds, c.waitsFor])).toEqual([[86_400, "timer"], [0, "next-run"]]);
    expect(p.consumers[1]!.note).toContain("next run");
    expect(p.totalSeconds).toBe(86_400);
  });

  it("treats an ESO secret that is never refreshed as waiting for a resync, and no consumers as 0", () => {
    const p = computePropagation([consumption("k8s:once", secret.key, { mechanism: "eso", refreshIntervalSeconds: null, details: { refreshTrigger: "spec-change", delivery: "k8s-secret-volume" } })], secret);
    expect(p.consumers[0]).toMatchObject({ waitsFor: "manual-resync", newValueAfterSeconds: null });
    expect(p).toMatchObject({ totalSeconds: null, restartBound: false });
    expect(computePropagation([], secret)).toMatchObject({ totalSeconds: 0, restartBound: false, slowestWorkloadKey: null });
  });
});
