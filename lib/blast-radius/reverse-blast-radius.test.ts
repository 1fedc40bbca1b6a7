import { describe, expect, it } from "vitest";
import { materialiseGrants } from "./materialise-grants";
import { policyBlastRadius } from "./policy-blast-radius";
import { readableBy } from "./readable-by";
import { identity, kvSecret, policiesOf } from "./test-helpers";

const SECRETS = [kvSecret("kv", "payments/dev/api/a"), kvSecret("kv", "payments/dev/api/b"), kvSecret("kv", "search/dev/x/c")];

describe("reverse and policy blast radius", async () => {
  const policies = await policiesOf({
    svc: { "kv/data/payments/dev/api/*": ["read"] },
    team: { "kv/data/payments/*": ["read"], "kv/metadata/*": ["list"] },
    shared: { "kv/data/payments/dev/api/*": ["read"] },
  });
  const api = identity("kubernetes", "api", ["svc", "shared"]);
  const human = identity("oidc", "bob", []);
  const team = identity("group", "payments", ["team"]);
  const identities = [api, human, team];
  const memberships = [{ groupKey: team.key, memberKey: human.key }];
  const { grants } = materialiseGrants({ secrets: SECRETS, identities, memberships, policies });

  it("readableBy groups what an identity can read by the deciding policy", () => {
    const r = readableBy(human.key, grants);
    expect([r.readableCount, r.listOnlyCount]).toEqual([2, 1]);
    expect(r.byPolicy.map((p) => [p.policyName, p.viaGroupKey, p.readable.length, p.listOnly.length])).toEqual([["team", team.key, 2, 1]]);
    // One rule carried by two policies: the grant is listed under both.
    expect(readableBy(api.key, grants).byPolicy.map((p) => [p.policyName, p.readable.length])).toEqual([["shared", 2], ["svc", 2]]);
  });

  it("policyBlastRadius names carriers (direct, via groups, implicit default) and the grants the policy decides", () => {
    const team1 = policyBlastRadius("team", "c1", identities, memberships, grants);
    expect(team1.carriers).toEqual([
      { identityKey: human.key, how: "group", groupPath: [team.key] },
      { identityKey: team.key, how: "direct", groupPath: [] },
    ]);
    expect(team1.readableSecrets).toBe(2);
    expect(team1.grants.every((g) => g.soleDecider)).toBe(true);
    const svc = policyBlastRadius("svc", "c1", identities, memberships, grants);
    expect(svc.grants.map((g) => g.soleDecider)).toEqual([false, false]); // "shared" carries the same rule
    expect(policyBlastRadius("default", "c1", identities, memberships, grants).carriers.map((c) => [c.identityKey, c.how])).toEqual([[api.key, "implicit-default"], [human.key, "implicit-default"]]);
  });
});
