import { describe, expect, it } from "vitest";
import { materialiseGrants } from "./materialise-grants";
import { CLUSTER, identity, kvSecret, policiesOf } from "./test-helpers";

const SECRETS = [
  kvSecret("kv", "payments/dev/api/stripe"),
  kvSecret("kv", "payments/staging/api/stripe"),
  kvSecret("kv", "search/dev/indexer/token"),
  kvSecret("kv-prod", "payments/prod/api/stripe"),
  { ...kvSecret("database", "creds/api"), dataPath: "database/creds/api", metadataPath: null, engineKind: "database-dynamic" as const, lifecycle: "dynamic" as const },
];
const key = (i: number): string => SECRETS[i]!.key;
const byPair = (grants: { identityKey: string; secretKey: string }[]) => new Map(grants.map((g) => [`${g.identityKey} ${g.secretKey}`, g]));

describe("materialiseGrants", () => {
  it("applies a `+` rule to one segment only, and an exact database path", async () => {
    const policies = await policiesOf({ svc: { "kv/data/payments/+/api/*": ["read"], "database/creds/api": ["read"] } });
    const { grants } = materialiseGrants({ secrets: SECRETS, identities: [identity("kubernetes", "api", ["svc"])], memberships: [], policies });
    expect(grants.map((g) => g.secretKey).sort()).toEqual([key(0), key(1), key(4)].sort());
    const g = grants.find((x) => x.secretKey === key(0))!;
    expect(g).toMatchObject({ capabilities: ["read"], policyNames: ["svc"], rulePath: "kv/data/payments/+/api/*", viaGroupKey: null });
  });

  it("lets a deny in one policy beat an allow of the same pattern in another", async () => {
    const policies = await policiesOf({ broad: { "kv/data/payments/*": ["read", "list"] }, block: { "kv/data/payments/*": ["deny"] }, dev: { "kv/data/payments/dev/*": ["read"] } });
    const { grants } = materialiseGrants({ secrets: SECRETS, identities: [identity("approle", "batch", ["broad", "block", "dev"])], memberships: [], policies });
    // Same pattern merged to deny; the longer dev/* rule still decides the dev secret.
    expect(grants.map((g) => [g.secretKey, g.rulePath, g.policyNames])).toEqual([[key(0), "kv/data/payments/dev/*", ["dev"]]]);
  });

  it("inherits policies through groups (nested), with viaGroupKey and the default policy", async () => {
    const policies = await policiesOf({ oncall: { "kv-prod/data/payments/prod/*": ["read"] }, default: { "cubbyhole/*": ["read"] }, own: { "kv/data/search/*": ["read"] } });
    const human = identity("oidc", "alice", ["own"]);
    const team = identity("group", "payments", []);
    const oncall = identity("group", "payments-oncall", ["oncall"]);
    const memberships = [{ groupKey: team.key, memberKey: human.key }, { groupKey: oncall.key, memberKey: team.key }];
    const { grants, stats } = materialiseGrants({ secrets: SECRETS, identities: [human, team, oncall], memberships, policies });
    const pairs = byPair(grants);
    // The group that carries the deciding policy (reached through payments -> payments-oncall).
    expect(pairs.get(`${human.key} ${key(3)}`)).toMatchObject({ viaGroupKey: oncall.key, policyNames: ["oncall"] });
    expect(pairs.get(`${human.key} ${key(2)}`)).toMatchObject({ viaGroupKey: null, policyNames: ["own"] });
    expect(pairs.get(`${team.key} ${key(3)}`)).toMatchObject({ viaGroupKey: oncall.key });
    expect(pairs.get(`${oncall.key} ${key(3)}`)).toMatchObject({ viaGroupKey: null });
    // alice (own+default+oncall), team (oncall), oncall (oncall): two distinct sets.
    expect(stats.policySets).toBe(2);
  });

  it("emits list-only grants from the metadata path, without read", async () => {
    const policies = await policiesOf({ auditor: { "kv/metadata/*": ["read", "list"] }, reader: { "kv/data/search/*": ["read"], "kv/metadata/search/*": ["list"] } });
    const { grants, stats } = materialiseGrants({ secrets: SECRETS, identities: [identity("approle", "audit", ["auditor"]), identity("approle", "search", ["reader"])], memberships: [], policies });
    const audit = grants.filter((g) => g.identityKey === `${CLUSTER}:approle/audit`);
    expect(audit.map((g) => g.capabilities)).toEqual([["list"], ["list"], ["list"]]);
    expect(audit[0]!.rulePath).toBe("kv/metadata/*");
    const search = grants.filter((g) => g.identityKey === `${CLUSTER}:approle/search`);
    expect(search).toEqual([expect.objectContaining({ secretKey: key(2), capabilities: ["list", "read"], rulePath: "kv/data/search/*" })]);
    expect([stats.readGrants, stats.listOnlyGrants]).toEqual([1, 3]);
  });

  it("lists root and sudo-on-* holders apart instead of a grant per secret", async () => {
    const policies = await policiesOf({ god: { "*": ["read", "sudo"] } });
    const { grants, privilegedIdentities, stats } = materialiseGrants({
      secrets: SECRETS, identities: [identity("token", "root", ["root"]), identity("approle", "ops", ["god"])], memberships: [], policies,
    });
    expect(grants).toEqual([]);
    expect(privilegedIdentities.map((p) => [p.identityKey, p.reason])).toEqual([[`${CLUSTER}:token/root`, "root"], [`${CLUSTER}:approle/ops`, "sudo-on-*"]]);
    expect(stats.rootHolders).toEqual([`${CLUSTER}:approle/ops`, `${CLUSTER}:token/root`]);
  });

  it("reports skipped templated rules, missing and invalid policies, and honours token_no_default_policy", async () => {
    const policies = await policiesOf({ scratch: { "kv/data/users/{{identity.entity.name}}/*": ["read"] }, default: { "kv/data/search/*": ["read"] } });
    const { grants, stats } = materialiseGrants({
      secrets: SECRETS,
      identities: [identity("approle", "a", ["scratch", "ghost"]), identity("approle", "b", [], { bindings: { tokenNoDefaultPolicy: true } })],
      memberships: [], policies,
    });
    expect(stats.templated).toEqual([{ identityKey: `${CLUSTER}:approle/a`, policies: ["scratch"], patterns: ["kv/data/users/{{identity.entity.name}}/*"] }]);
    expect(stats.missingPolicies).toEqual([{ identityKey: `${CLUSTER}:approle/a`, policy: "ghost" }]);
    // a gets `default` (search/*), b does not.
    expect(grants.map((g) => [g.identityKey, g.policyNames])).toEqual([[`${CLUSTER}:approle/a`, ["default"]]]);
  });

  it("only evaluates secrets under a rule's literal prefix", async () => {
    const policies = await policiesOf({ narrow: { "kv/data/search/*": ["read"] } });
    const { stats } = materialiseGrants({ secrets: SECRETS, identities: [identity("approle", "s", ["narrow"], { bindings: { token_no_default_policy: true } })], memberships: [], policies });
    expect(stats.pathsEvaluated).toBe(1);
  });
});
