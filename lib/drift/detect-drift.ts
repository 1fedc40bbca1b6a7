/**
 * The sync's side of drift detection: turns what one sync already read (the first cluster's live
 * inventory, the Terraform repository's main branch, every policy parsed once by the sync) into
 * the comparison's input and compares. Pure; no "server-only" because the sync (instrumentation
 * scheduler, tsx scripts) calls it.
 *
 * Terraform does not say which cluster applies it: like the sync's Terraform policies, it is
 * compared with the first configured cluster only.
 */
import type { VaultInventory } from "@/lib/sources/vault/collect-inventory";
import type { VaultAuthRoleConfig, VaultTerraformConfig } from "@/lib/sources/terraform";
import type { PolicyAnalysis } from "@/lib/sync/analyse-policies";
import type { IdentityRecord, PolicyRecord } from "@/lib/sync/snapshot-data";
import { compareDrift } from "./compare-drift";
import type { AuthRoleSide, DriftInput, PolicySide } from "./drift-input";
import type { DriftResult } from "./types";

export interface SyncDriftSources {
  live: Pick<VaultInventory, "cluster" | "identities" | "mounts" | "authMounts"> | undefined;
  terraform: { vault: VaultTerraformConfig; commit: string } | null;
  /** The snapshot's policy records and, parallel to them, the sync's parse of each. */
  policies: readonly PolicyRecord[];
  analyses: readonly PolicyAnalysis[];
}

/** Null when there is nothing to compare: no cluster read, or no Terraform repository read. */
export function detectDrift(sources: SyncDriftSources): DriftResult | null {
  const { live, terraform } = sources;
  if (!live || !terraform) return null;
  const parsed = { live: new Map<string, PolicySide>(), terraform: new Map<string, PolicySide>() };
  sources.policies.forEach((p, i) => {
    if (p.cluster !== live.cluster) return;
    const analysis = sources.analyses[i];
    const side: PolicySide = { name: p.name, rawHcl: p.rawHcl, parseError: analysis?.parseError ?? null, rules: analysis && !analysis.parseError ? analysis.rules : null };
    const byOrigin = parsed[p.origin];
    if (!byOrigin.has(p.name)) byOrigin.set(p.name, side);
  });
  const input: DriftInput = {
    cluster: live.cluster,
    commit: terraform.commit,
    live: {
      policies: [...parsed.live.values()],
      authRoles: live.identities.filter((x) => x.kind !== "group" && x.kind !== "token").map(liveAuthRole),
      mounts: [
        ...live.mounts.map((m) => ({ kind: "secret" as const, path: m.path, type: m.type, kvVersion: m.version ?? null })),
        ...live.authMounts.map((m) => ({ kind: "auth" as const, path: m.path, type: m.type })),
      ],
    },
    terraform: {
      policies: terraform.vault.policies.map((p) => ({
        ...(parsed.terraform.get(p.name) ?? { name: p.name, rawHcl: p.policy ?? "", parseError: "the policy text could not be resolved from Terraform", rules: null }),
        origin: p.origin,
      })),
      authRoles: terraform.vault.authRoles.map((r) => ({ ...terraformAuthRole(r), origin: r.origin })),
      // Vault's mount table as the sync reads it has no TTLs, so only type and KV version are compared.
      mounts: terraform.vault.mounts.map((m) => ({ kind: m.kind, path: m.path, type: m.type, kvVersion: m.kvVersion, origin: m.origin })),
    },
  };
  return compareDrift(input);
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === "string" && value ? [value] : []);
const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);

function liveAuthRole(x: IdentityRecord): AuthRoleSide {
  const b = x.bindings;
  const base: AuthRoleSide = { mount: x.authMount, roleName: x.roleName, method: x.kind, tokenPolicies: x.policies, tokenTtl: x.ttlSeconds, tokenMaxTtl: x.maxTtlSeconds };
  if (x.kind === "kubernetes") return { ...base, boundServiceAccountNames: strings(b.boundServiceAccountNames), boundServiceAccountNamespaces: strings(b.boundServiceAccountNamespaces) };
  if (x.kind === "jwt" || x.kind === "oidc") {
    const claims = b.boundClaims && typeof b.boundClaims === "object" && !Array.isArray(b.boundClaims) ? (b.boundClaims as Record<string, unknown>) : {};
    return { ...base, boundAudiences: strings(b.boundAudiences), boundClaims: claims, userClaim: text(b.userClaim), roleType: text(b.roleType) };
  }
  return base;
}

function terraformAuthRole(r: VaultAuthRoleConfig): AuthRoleSide {
  const base: AuthRoleSide = { mount: r.mount, roleName: r.roleName, method: r.method, tokenPolicies: r.tokenPolicies, tokenTtl: r.tokenTtlSeconds, tokenMaxTtl: r.tokenMaxTtlSeconds };
  if (r.method === "kubernetes") return { ...base, boundServiceAccountNames: r.boundServiceAccountNames, boundServiceAccountNamespaces: r.boundServiceAccountNamespaces };
  if (r.method === "jwt") return { ...base, boundAudiences: r.boundAudiences, boundClaims: r.boundClaims, userClaim: r.userClaim, roleType: r.roleType };
  return base;
}
