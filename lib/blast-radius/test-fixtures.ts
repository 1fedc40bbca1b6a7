/**
 * Test adapter: turns a demo VaultWorld into the snapshot records the sync produces, so the
 * blast-radius algorithms can be checked against the generator's ground truth. The world's shape
 * is restated structurally here (only the fields read) because lib/ may not import lib/demo.
 */
import { parsePolicy, type ParsedPolicy } from "@/lib/policy";
import type { IdentityRecord, MembershipRecord, SecretRecord } from "@/lib/sync/snapshot-data";

interface TokenFieldsLike { name: string; tokenPolicies: string[]; tokenTtl: number; tokenMaxTtl: number }
export interface WorldLike {
  clusterName: string;
  mounts: Array<
    | { type: "kv"; path: string; version: number; secrets: Array<{ path: string; createdTime: string; updatedTime: string; currentVersion: number; customMetadata: Record<string, string> | null }> }
    | { type: "database"; path: string; roles: Array<{ name: string; defaultTtl: number }>; staticRoles: Array<{ name: string; rotationPeriod: number; lastVaultRotation: string }> }
    | { type: "aws"; path: string; roles: Array<{ name: string; defaultStsTtl: number }> }
    | { type: "pki" | "transit"; path: string }
  >;
  authMounts: Array<{ path: string; type: string; kubernetesRoles?: TokenFieldsLike[]; jwtRoles?: Array<TokenFieldsLike & { roleType: string }>; appRoles?: TokenFieldsLike[] }>;
  policies: Record<string, string>;
  identityGroups: Array<{ name: string; type: string; policies: string[]; alias: { name: string } | null }>;
}

const HOUR = 3600;
const durationHours = (text: string | undefined): number | null => (text && /^\d+h$/.test(text) ? Number(text.slice(0, -1)) * HOUR : null);

function baseSecret(cluster: string, mount: string, path: string, dataPath: string): SecretRecord {
  return {
    key: `${cluster}:${mount}/${path}`, cluster, mount, path, dataPath, metadataPath: null, engineKind: "kv-v2", lifecycle: "static",
    environment: null, ownerTeam: null, classification: null, rotationPeriodSeconds: null, lastRotatedAt: null, currentVersion: null,
    versions: [], customMetadata: {}, createdTime: null, leaseTtlSeconds: null,
  };
}

export function secretsOfWorld(world: WorldLike): SecretRecord[] {
  const c = world.clusterName;
  const out: SecretRecord[] = [];
  for (const m of world.mounts) {
    if (m.type === "kv") {
      for (const s of m.secrets) {
        const meta = s.customMetadata ?? {};
        out.push({
          ...baseSecret(c, m.path, s.path, `${m.path}/data/${s.path}`), metadataPath: `${m.path}/metadata/${s.path}`,
          environment: meta.environment ?? null, ownerTeam: meta.owner ?? null, classification: meta.classification ?? null,
          rotationPeriodSeconds: durationHours(meta.rotation_period), lastRotatedAt: s.updatedTime, currentVersion: s.currentVersion,
          customMetadata: meta, createdTime: s.createdTime,
        });
      }
    } else if (m.type === "database") {
      for (const r of m.roles) out.push({ ...baseSecret(c, m.path, `creds/${r.name}`, `${m.path}/creds/${r.name}`), engineKind: "database-dynamic", lifecycle: "dynamic", leaseTtlSeconds: r.defaultTtl });
      for (const r of m.staticRoles) {
        out.push({ ...baseSecret(c, m.path, `static-creds/${r.name}`, `${m.path}/static-creds/${r.name}`), engineKind: "database-static", rotationPeriodSeconds: r.rotationPeriod, lastRotatedAt: r.lastVaultRotation });
      }
    } else if (m.type === "aws") {
      for (const r of m.roles) out.push({ ...baseSecret(c, m.path, `creds/${r.name}`, `${m.path}/creds/${r.name}`), engineKind: "aws", lifecycle: "dynamic", leaseTtlSeconds: r.defaultStsTtl });
    }
  }
  return out;
}

/** Auth roles (kind = auth method type) and identity groups; external OIDC groups are the humans. */
export function identitiesOfWorld(world: WorldLike): IdentityRecord[] {
  const c = world.clusterName;
  const out: IdentityRecord[] = [];
  for (const m of world.authMounts) {
    const roles = [...(m.kubernetesRoles ?? []), ...(m.jwtRoles ?? []), ...(m.appRoles ?? [])];
    for (const r of roles) {
      const kind = m.type === "kubernetes" || m.type === "jwt" || m.type === "oidc" || m.type === "approle" ? m.type : "token";
      out.push({
        key: `${c}:${m.path}/${r.name}`, cluster: c, authMount: m.path, authType: m.type, roleName: r.name, kind, displayName: null,
        bindings: {}, policies: r.tokenPolicies, ttlSeconds: r.tokenTtl, maxTtlSeconds: r.tokenMaxTtl,
      });
    }
  }
  for (const g of world.identityGroups) {
    out.push({
      key: `${c}:group/${g.name}`, cluster: c, authMount: "group", authType: "group", roleName: g.name, kind: "group", displayName: g.alias?.name ?? null,
      bindings: { type: g.type, alias: g.alias?.name ?? null }, policies: g.policies, ttlSeconds: null, maxTtlSeconds: null,
    });
  }
  return out;
}

/** The demo's external groups have no static members (membership comes from the OIDC claim at login). */
export function membershipsOfWorld(): MembershipRecord[] {
  return [];
}

/** Parsed live policies keyed "<cluster>:<name>"; `default` from `defaultHcl` when the world omits it. */
export async function policiesOfWorld(world: WorldLike, defaultHcl: string): Promise<Map<string, ParsedPolicy>> {
  const texts = { default: defaultHcl, ...world.policies };
  const out = new Map<string, ParsedPolicy>();
  for (const [name, text] of Object.entries(texts)) out.set(`${world.clusterName}:${name}`, await parsePolicy(name, text));
  return out;
}

/** Ground-truth identity key ("kubernetes:<mount>:<role>", "group:<name>") of a snapshot identity. */
export function groundTruthKey(identity: IdentityRecord): string {
  return identity.kind === "group" ? `group:${identity.roleName}` : `${identity.authType}:${identity.authMount}:${identity.roleName}`;
}
