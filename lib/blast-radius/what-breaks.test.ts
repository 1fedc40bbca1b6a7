import { describe, expect, it } from "vitest";
import { simulateRotation } from "./simulate-rotation";
import { consumption, kvSecret } from "./test-helpers";
import { transitiveDependents } from "./transitive-dependents";
import { whatBreaks } from "./what-breaks";

const secret = kvSecret("kv-prod", "payments/prod/api/stripe");
const dep = (fromKey: string, toKey: string) => ({ fromKey, toKey, sourceFile: null });
// checkout -> api, storefront -> checkout, api -> storefront (a cycle), web -> storefront
const DEPS = [dep("checkout", "api"), dep("storefront", "checkout"), dep("api", "storefront"), dep("web", "storefront")];

describe("transitiveDependents", () => {
  it("walks reversed edges breadth-first with the explaining chain, and survives cycles", () => {
    expect(transitiveDependents(["api"], DEPS)).toEqual([
      { workloadKey: "checkout", via: ["api", "checkout"], depth: 1 },
      { workloadKey: "storefront", via: ["api", "checkout", "storefront"], depth: 2 },
      { workloadKey: "web", via: ["api", "checkout", "storefront", "web"], depth: 3 },
    ]);
    expect(transitiveDependents(["nothing"], DEPS)).toEqual([]);
  });
});

describe("whatBreaks and simulateRotation", () => {
  const consumptions = [
    consumption("api", secret.key, { reload: "restart" }),
    consumption("worker", secret.key),
    consumption("ci-job", secret.key, { mechanism: "ci-oidc", reload: "per-run", refreshIntervalSeconds: 0, details: { refreshTrigger: "job-start" } }),
  ];

  it("lists restart-bound and per-run consumers and the dependents of each, with why", () => {
    const b = whatBreaks(secret, consumptions, DEPS);
    expect(b.consumers.map((c) => [c.workloadKey, c.until])).toEqual([["api", "restart"], ["ci-job", "next run"]]);
    expect(b.dependents.map((d) => d.workloadKey)).toEqual(["checkout", "storefront", "web"]);
    expect(b.dependents[1]!.why).toBe("depends on checkout -> api, which keeps the old value until restart");
  });

  it("plays the rotation forward: when each consumer has the new value and who breaks until then", () => {
    const sim = simulateRotation({ secret, consumptions, dependencies: DEPS });
    expect(sim.events.map((e) => [e.atSeconds, e.workloadKey, e.event])).toEqual([
      [0, null, "rotated"],
      [0, "api", "breaks until restart"],
      [0, "worker", "keeps old value until refresh"],
      [0, "ci-job", "breaks until next run"],
      [0, "ci-job", "has new value from next run"],
      [0, "checkout", "dependent breaks"],
      [0, "storefront", "dependent breaks"],
      [0, "web", "dependent breaks"],
      [300, "worker", "has new value"],
      [null, "api", "has new value"],
    ]);
    expect(sim).toMatchObject({ totalSeconds: null, restartBound: true });
    const hotOnly = simulateRotation({ secret, consumptions: consumptions.slice(1), dependencies: DEPS });
    expect(hotOnly.totalSeconds).toBe(300);
  });
});
