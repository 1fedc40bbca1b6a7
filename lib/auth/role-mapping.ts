import { ROLES, type Role } from "./roles";

/** SSO group names per Radius role, as in ROLE_MAPPING (see lib/config-schema.ts). */
export type RoleMapping = Readonly<Partial<Record<Role, readonly string[]>>>;

/**
 * Radius roles for a set of SSO groups. Pure. Group names match exactly (case-sensitive): identity
 * providers treat them as identifiers, and case-folding could merge two distinct groups.
 * `groups` is whatever the token carried: an array, a single string, or nothing; non-string
 * entries are ignored. Roles come back deduplicated, in ROLES order.
 */
export function mapGroupsToRoles(groups: unknown, mapping: RoleMapping): Role[] {
  const held = new Set(normalizeGroups(groups));
  if (held.size === 0) return [];
  return ROLES.filter((role) => (mapping[role] ?? []).some((group) => held.has(group)));
}

function normalizeGroups(groups: unknown): string[] {
  if (typeof groups === "string") return [groups];
  if (!Array.isArray(groups)) return [];
  return groups.filter((g): g is string => typeof g === "string" && g.length > 0);
}

/**
 * Reads the groups claim from an ID token's claims. Tries the exact name first (namespaced claims
 * such as `https://example.com/groups` contain dots), then a dot path (`realm_access.roles`).
 */
export function readGroupsClaim(claims: Record<string, unknown>, claimName: string): unknown {
  if (claimName in claims) return claims[claimName];
  let value: unknown = claims;
  for (const part of claimName.split(".")) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}
