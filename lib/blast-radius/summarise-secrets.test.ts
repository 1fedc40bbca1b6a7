import { describe, expect, it } from "vitest";
import { materialiseGrants } from "./materialise-grants";
import { summariseSecrets } from "./summarise-secrets";
import { consumption, identity, kvSecret, policiesOf } from "./test-helpers";

describe("summariseSecrets", () => {
  it("answers readers, consumers, dependents, propagation and score per secret in one pass", async () => {
    const secrets = [kvSecret("kv", "a/dev/api/x", { environment: "dev" }), kvSecret("kv", "a/dev/api/y", { environment: "dev" }), kvSecret("kv", "b/dev/z")];
    const identities = [identity("kubernetes", "api", ["svc"]), identity("group", "a", ["team"])];
    const policies = await policiesOf({ svc: { "kv/data/a/dev/api/*": ["read"] }, team: { "kv/metadata/a/*": ["list"], "kv/data/a/dev/api/x": ["read"] } });
    const { grants } = materialiseGrants({ secrets, identities, memberships: [], policies });
    const consumptions = [consumption("api", secrets[0]!.key, { reload: "restart" }), consumption("api-worker", secrets[1]!.key)];
    const dependencies = [{ fromKey: "web", toKey: "api", sourceFile: null }, { fromKey: "edge", toKey: "web", sourceFile: null }];
    const rows = summariseSecrets({ secrets, identities, memberships: [], policies: [], workloads: [], consumptions, dependencies, grants, problems: [] }, new Date("2026-12-03T12:00:00Z"));
    expect(rows.map((r) => [r.secretKey, r.readerCount, r.listOnlyCount, r.consumerCount, r.dependentCount, r.propagationSeconds, r.restartBound])).toEqual([
      [secrets[0]!.key, 2, 0, 1, 2, null, true],
      [secrets[1]!.key, 1, 1, 1, 0, 300, false],
      [secrets[2]!.key, 0, 0, 0, 0, 0, false],
    ]);
    for (const r of rows) expect(r.exposureTerms.reduce((s, t) => s + t.points, 0)).toBe(r.exposureScore);
  });
});
