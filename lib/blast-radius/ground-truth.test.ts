import { beforeAll, describe, expect, it } from "vitest";
import { generateDemoOrganisation } from "@/lib/demo/generator";
import { DEFAULT_POLICY_HCL } from "@/lib/demo/vault-standin/default-policy";
import type { ParsedPolicy } from "@/lib/policy";
import type { IdentityRecord, SecretRecord } from "@/lib/sync/snapshot-data";
import { materialiseGrants, type MaterialiseGrantsResult } from "./materialise-grants";
import { groundTruthKey, identitiesOfWorld, membershipsOfWorld, policiesOfWorld, secretsOfWorld } from "./test-fixtures";

/**
 * The generator states readers by construction (lib/demo/generator/readers.ts); the grants
 * materialised through lib/policy must agree for every secret, exactly.
 */
describe("materialiseGrants against the demo organisation's ground truth", () => {
  const org = generateDemoOrganisation({ seed: 1, scale: 1, now: new Date("2026-12-03T12:00:00Z") });
  const world = org.clusters[0]!;
  let secrets: SecretRecord[];
  let identities: IdentityRecord[];
  let policies: Map<string, ParsedPolicy>;
  let result: MaterialiseGrantsResult;

  beforeAll(async () => {
    secrets = secretsOfWorld(world);
    identities = identitiesOfWorld(world);
    policies = await policiesOfWorld(world, DEFAULT_POLICY_HCL);
    result = materialiseGrants({ secrets, identities, memberships: membershipsOfWorld(), policies });
  });

  it("finds exactly the ground-truth readers and list-only identities of every secret", () => {
    const gtKey = new Map(identities.map((i) => [i.key, groundTruthKey(i)]));
    const readers = new Map<string, string[]>();
    const listOnly = new Map<string, string[]>();
    for (const g of result.grants) {
      const target = g.capabilities.includes("read") ? readers : listOnly;
      target.set(g.secretKey, [...(target.get(g.secretKey) ?? []), gtKey.get(g.identityKey) as string]);
    }
    const byLocation = new Map(secrets.map((s) => [`${s.mount}/${s.path}`, s]));
    const mismatches: string[] = [];
    for (const gt of org.groundTruth.secrets) {
      const s = byLocation.get(`${gt.mount}/${gt.path}`);
      if (!s) { mismatches.push(`${gt.mount}/${gt.path}: not in the adapted world`); continue; }
      const got = (readers.get(s.key) ?? []).sort();
      const gotList = (listOnly.get(s.key) ?? []).sort();
      if (JSON.stringify(got) !== JSON.stringify(gt.readers)) mismatches.push(`${s.key} readers: got ${got.join(",")} expected ${gt.readers.join(",")}`);
      if (JSON.stringify(gotList) !== JSON.stringify(gt.listOnly)) mismatches.push(`${s.key} listOnly: got ${gotList.join(",")} expected ${gt.listOnly.join(",")}`);
    }
    expect(mismatches).toEqual([]);
    expect(org.groundTruth.secrets.length).toBeGreaterThan(400);
    expect(secrets.length).toBe(org.groundTruth.secrets.length);
  });

  it("flags the templated policy's holders and finds no root holder among auth roles and groups", () => {
    const beyondDefault = result.stats.templated.filter((t) => t.policies.some((p) => p !== "default"));
    expect(beyondDefault.map((t) => groundTruthKey(identities.find((i) => i.key === t.identityKey)!))).toEqual(["group:engineering"]);
    expect(beyondDefault[0]?.policies).toEqual(["user-scratch"]);
    expect(result.privilegedIdentities).toEqual([]);
    expect(result.stats.missingPolicies).toEqual([]);
    expect(result.stats.policySets).toBeLessThan(identities.length);
  });
});
