import type { IdentityRecord, MembershipRecord } from "@/lib/sync/snapshot-data";

/** Where one of an identity's policies comes from: its own token policies, or a group (and how). */
export interface PolicySource {
  policy: string;
  /** null = the identity's own token policies (including the implicit `default`). */
  viaGroupKey: string | null;
  /** Group chain from the identity up to the group that carries the policy (nested groups). */
  groupPath: string[];
}

export interface EffectivePolicies {
  identityKey: string;
  cluster: string;
  /** Sorted, distinct: the set Vault puts on the token. */
  policies: string[];
  sources: PolicySource[];
}

/** Identities that get tokens from an auth role; Vault adds `default` to those tokens. */
const TOKEN_ISSUING_KINDS = new Set(["kubernetes", "jwt", "oidc", "approle"]);

/**
 * Vault attaches `default` to every token an auth role issues unless the role sets
 * token_no_default_policy; the sync keeps that flag in `bindings` (either spelling accepted).
 */
export function addsDefaultPolicy(identity: IdentityRecord): boolean {
  if (!TOKEN_ISSUING_KINDS.has(identity.kind)) return false;
  if (identity.policies.includes("root")) return false; // root tokens carry only "root"
  const b = identity.bindings;
  return !(b.tokenNoDefaultPolicy === true || b.token_no_default_policy === true);
}

/**
 * Effective policy set of every identity: own policies, `default` when Vault adds it, and the
 * policies of every group the identity belongs to, transitively (a member of group B, itself a
 * member of group A, gets A's policies too, as Vault's group hierarchy does). Cycle-safe.
 */
export function resolvePolicySets(identities: readonly IdentityRecord[], memberships: readonly MembershipRecord[]): Map<string, EffectivePolicies> {
  const byKey = new Map(identities.map((i) => [i.key, i]));
  const parents = new Map<string, string[]>();
  for (const m of memberships) {
    const list = parents.get(m.memberKey);
    if (list) list.push(m.groupKey);
    else parents.set(m.memberKey, [m.groupKey]);
  }

  const out = new Map<string, EffectivePolicies>();
  for (const identity of identities) {
    const sources: PolicySource[] = identity.policies.map((policy) => ({ policy, viaGroupKey: null, groupPath: [] }));
    if (addsDefaultPolicy(identity) && !identity.policies.includes("default")) sources.push({ policy: "default", viaGroupKey: null, groupPath: [] });
    // BFS up the group hierarchy; the first (shortest) path to a group is the one shown.
    const seen = new Set<string>([identity.key]);
    const queue: string[][] = (parents.get(identity.key) ?? []).map((g) => [g]);
    while (queue.length > 0) {
      const path = queue.shift() as string[];
      const groupKey = path[path.length - 1] as string;
      if (seen.has(groupKey)) continue;
      seen.add(groupKey);
      for (const policy of byKey.get(groupKey)?.policies ?? []) sources.push({ policy, viaGroupKey: groupKey, groupPath: path });
      for (const parent of parents.get(groupKey) ?? []) if (!seen.has(parent)) queue.push([...path, parent]);
    }
    out.set(identity.key, { identityKey: identity.key, cluster: identity.cluster, policies: [...new Set(sources.map((s) => s.policy))].sort(), sources });
  }
  return out;
}
