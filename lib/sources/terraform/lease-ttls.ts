/**
 * Leased secrets are re-issued when their lease ends, so their distribution delay is the lease TTL.
 * Manifests do not say it; Terraform's engine roles do (`default_ttl` of a database role, `ttl` of a
 * PKI role). Live Vault (role reads) stays the better source when available.
 */
import type { ParsedConsumption } from "../types";
import type { VaultSecretRoleConfig } from "./vault-config-types";

export function applyLeaseTtls(consumptions: readonly ParsedConsumption[], roles: readonly VaultSecretRoleConfig[]): ParsedConsumption[] {
  const ttlByPath = new Map(roles.filter((r) => r.defaultTtlSeconds !== null).map((r) => [r.readPath, r.defaultTtlSeconds as number]));
  return consumptions.map((c) => {
    const ttl = c.leased && c.leaseTtlSeconds === null ? ttlByPath.get(c.vaultPath) : undefined;
    return ttl === undefined ? c : { ...c, leaseTtlSeconds: ttl, notes: [...c.notes, `lease TTL ${ttl}s from Terraform`] };
  });
}
