/**
 * ACL evaluation over the snapshot for one cluster, before a change or with some policies replaced
 * (the change's new texts) and some attached: the same lib/policy evaluator and lib/blast-radius
 * policy-set resolution the grants were materialised with.
 */
import { resolvePolicySets, type EffectivePolicies } from "@/lib/blast-radius";
import { compileAcl, type CompiledAcl, type ParsedPolicy } from "@/lib/policy";
import type { IdentityRecord } from "@/lib/sync/snapshot-data";
import type { ChangeFacts } from "./facts";

const ROOT: ParsedPolicy = { name: "root", rules: [], templated: false, errors: [] };

export interface PolicyOverrides {
  /** Policy name -> its text after the change, parsed (null: the policy no longer exists). */
  policies: ReadonlyMap<string, ParsedPolicy | null>;
  /** Policies added to identities' own policy lists. */
  attachments: readonly { identityKey: string; policy: string }[];
}

export const NO_OVERRIDES: PolicyOverrides = { policies: new Map(), attachments: [] };

export interface AclWorld {
  cluster: string;
  identities: readonly IdentityRecord[];
  effective: ReadonlyMap<string, EffectivePolicies>;
  /** Compiled once per distinct policy set. */
  aclFor(identityKey: string): CompiledAcl | null;
  /** Identity keys whose effective set includes the policy (directly or through groups). */
  carriersOf(policy: string): string[];
}

export function createAclWorld(facts: ChangeFacts, cluster: string, overrides: PolicyOverrides = NO_OVERRIDES): AclWorld {
  const live = new Map<string, ParsedPolicy>();
  for (const p of facts.policies) if (p.cluster === cluster && p.origin === "live" && p.parsed) live.set(p.name, p.parsed);
  for (const [name, parsed] of overrides.policies) {
    if (parsed) live.set(name, parsed);
    else live.delete(name);
  }
  const added = new Map<string, string[]>();
  for (const a of overrides.attachments) added.set(a.identityKey, [...(added.get(a.identityKey) ?? []), a.policy]);
  const identities = facts.identities
    .filter((i) => i.cluster === cluster)
    .map((i) => (added.has(i.key) ? { ...i, policies: [...new Set([...i.policies, ...(added.get(i.key) ?? [])])] } : i));
  const keys = new Set(identities.map((i) => i.key));
  const effective = resolvePolicySets(identities, facts.memberships.filter((m) => keys.has(m.memberKey) && keys.has(m.groupKey)));
  const compiled = new Map<string, CompiledAcl>();
  return {
    cluster,
    identities,
    effective,
    aclFor(identityKey) {
      const e = effective.get(identityKey);
      if (!e) return null;
      const setKey = e.policies.join("\u0000");
      let acl = compiled.get(setKey);
      if (!acl) {
        acl = compileAcl(e.policies.flatMap((name) => (name === "root" ? [ROOT] : live.has(name) ? [live.get(name) as ParsedPolicy] : [])));
        compiled.set(setKey, acl);
      }
      return acl;
    },
    carriersOf(policy) {
      return [...effective.values()].filter((e) => e.policies.includes(policy)).map((e) => e.identityKey).sort();
    },
  };
}
