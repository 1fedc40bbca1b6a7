import { DB_MOUNT } from "./company";
import { rule, type PolicyRule } from "./hcl-policy";

/**
 * The portal's least-privilege policy (DESIGN.md invariant 1): read/list on metadata, configuration and
 * sys paths; no KV data path, no creds path. `update` only where Vault routes a read through PUT
 * (sys/leases/lookup, sys/capabilities-self); `sudo` only where Vault demands it for reads (sys/audit,
 * LIST sys/leases/lookup/*).
 */
export function radiusReadonlyRules(): PolicyRule[] {
  const rules: PolicyRule[] = [
    rule("sys/mounts", "read"),
    rule("sys/mounts/*", "read"),
    rule("sys/auth", "read"),
    rule("sys/policies/acl", "list"),
    rule("sys/policies/acl/*", "read", "list"),
    rule("sys/internal/ui/mounts/*", "read"),
    rule("sys/capabilities-self", "update"),
    rule("sys/leases/lookup", "update"),
    rule("sys/leases/lookup/", "list", "sudo"), // exact LIST of the top level: an exact rule beats globs
    rule("sys/leases/lookup/*", "list", "sudo"),
    rule("sys/audit", "read", "sudo"),
    rule("auth/+/role", "list"),
    rule("auth/+/role/*", "read", "list"),
    rule("identity/group/id", "list"),
    rule("identity/group/id/*", "read"),
    rule("identity/group/name", "list"),
    rule("identity/group/name/*", "read"),
    rule("identity/group-alias/id", "list"),
    rule("identity/group-alias/id/*", "read"),
  ];
  for (const kv of ["kv", "kv-prod"]) rules.push(rule(`${kv}/metadata/*`, "read", "list"), rule(`${kv}/config`, "read"));
  for (const db of [DB_MOUNT.nonprod, DB_MOUNT.prod]) {
    rules.push(rule(`${db}/roles`, "list"), rule(`${db}/roles/*`, "read"), rule(`${db}/static-roles`, "list"), rule(`${db}/static-roles/*`, "read"), rule(`${db}/config`, "list"));
  }
  rules.push(
    rule("aws/roles", "list"), rule("aws/roles/*", "read"),
    rule("pki/certs", "list"), rule("pki/certs/revoked", "list"), rule("pki/cert/*", "read"),
    rule("pki/issuers", "list"), rule("pki/issuer/*", "read"), rule("pki/roles", "list"), rule("pki/roles/*", "read"),
    rule("transit/keys", "list"), rule("transit/keys/*", "read"),
  );
  return rules;
}
