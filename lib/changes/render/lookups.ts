/**
 * Lookups shared by the kinds: the identity and secret a request names (rejected with a field
 * message when unknown), the cluster the Terraform repository manages, and the policies an
 * identity carries alone (the "obvious" place for a rule meant for it only).
 */
import type { AclWorld } from "../acl-world";
import { rejectField } from "../errors";
import type { ChangeFacts, IdentityFact, SecretFact } from "../facts";
import type { ChangeBuilder } from "./builder";

export function requireIdentity(facts: ChangeFacts, key: string, field: string): IdentityFact {
  const identity = facts.identities.find((i) => i.key === key);
  if (!identity) rejectField(field, `No identity ${key} in the current inventory`);
  return identity;
}

export async function requireSecret(facts: ChangeFacts, key: string, field: string): Promise<SecretFact> {
  const secret = await facts.secret(key);
  if (!secret) rejectField(field, `No secret ${key} in the current inventory`);
  return secret;
}

/**
 * The sync files Terraform's policies under one cluster (the first configured): the repository
 * manages that cluster only, so a request for another cannot be expressed in it.
 */
export function assertTerraformCluster(facts: ChangeFacts, cluster: string, field: string): void {
  const managed = [...new Set(facts.policies.filter((p) => p.origin === "terraform").map((p) => p.cluster))];
  if (managed.length > 0 && !managed.includes(cluster)) rejectField(field, `The Terraform repository manages cluster ${managed.join(", ")}, not ${cluster}`);
}

/** Identity keys Terraform declares as carrying the policy (auth roles' token policies, groups' policies). */
export function terraformCarriers(b: ChangeBuilder, cluster: string, policy: string): string[] {
  const { authRoles, identityGroups } = b.repo.parsed.vault;
  return [
    ...authRoles.filter((r) => r.tokenPolicies.includes(policy)).map((r) => `${cluster}:${r.mount}/${r.roleName}`),
    ...identityGroups.filter((g) => g.policies.includes(policy)).map((g) => `${cluster}:group/${g.name}`),
  ];
}

/**
 * The identity's own policies (not through a group, never `default`/`root`) that Terraform declares
 * with an editable text and that nobody else carries, live or in Terraform. Sorted by name.
 */
export function policiesCarriedAlone(b: ChangeBuilder, world: AclWorld, identity: IdentityFact): string[] {
  return identity.policies
    .filter((p) => p !== "default" && p !== "root")
    .filter((p) => b.repo.parsed.vault.policies.some((c) => c.name === p && c.policy !== null))
    .filter((p) => {
      const carriers = new Set([...world.carriersOf(p), ...terraformCarriers(b, identity.cluster, p)]);
      return carriers.size === 1 && carriers.has(identity.key);
    })
    .sort();
}
