import type { GrantRecord, IdentityRecord, MembershipRecord } from "@/lib/sync/snapshot-data";
import { resolvePolicySets } from "./resolve-policy-sets";

export interface PolicyCarrier {
  identityKey: string;
  /** "direct" token policy, Vault's implicit "default", or through a group chain. */
  how: "direct" | "implicit-default" | "group";
  /** Group chain from the identity to the group that holds the policy; empty unless how = "group". */
  groupPath: string[];
}

export interface DecidedGrant {
  grant: GrantRecord;
  /** Only this policy carries the deciding rule: changing or deleting it changes this grant. */
  soleDecider: boolean;
}

export interface PolicyBlastRadius {
  policyName: string;
  cluster: string;
  carriers: PolicyCarrier[];
  grants: DecidedGrant[];
  /** Distinct secrets whose read the policy decides. */
  readableSecrets: number;
}

/**
 * Before a policy changes or is deleted: which identities carry it (directly or through groups,
 * transitively) and which materialised grants it decides. A grant where it is the sole decider
 * would change; where other policies carry the same rule, it survives.
 */
export function policyBlastRadius(
  policyName: string,
  cluster: string,
  identities: readonly IdentityRecord[],
  memberships: readonly MembershipRecord[],
  grants: readonly GrantRecord[],
): PolicyBlastRadius {
  const inCluster = identities.filter((i) => i.cluster === cluster);
  const own = new Map(inCluster.map((i) => [i.key, i.policies.includes(policyName)]));
  const carriers: PolicyCarrier[] = [];
  for (const e of resolvePolicySets(inCluster, memberships).values()) {
    const sources = e.sources.filter((s) => s.policy === policyName);
    if (sources.length === 0) continue;
    const direct = sources.find((s) => s.viaGroupKey === null);
    if (direct) carriers.push({ identityKey: e.identityKey, how: own.get(e.identityKey) ? "direct" : "implicit-default", groupPath: [] });
    else {
      const shortest = [...sources].sort((a, b) => a.groupPath.length - b.groupPath.length)[0];
      carriers.push({ identityKey: e.identityKey, how: "group", groupPath: shortest?.groupPath ?? [] });
    }
  }
  const carrierKeys = new Set(carriers.map((c) => c.identityKey));
  const decided = grants
    .filter((g) => carrierKeys.has(g.identityKey) && g.policyNames.includes(policyName))
    .map((grant) => ({ grant, soleDecider: grant.policyNames.length === 1 }));
  const readableSecrets = new Set(decided.filter((d) => d.grant.capabilities.includes("read")).map((d) => d.grant.secretKey)).size;
  return { policyName, cluster, carriers, grants: decided, readableSecrets };
}
