/** Small hand-made snapshot records for unit tests. */
import { parsePolicy, type ParsedPolicy } from "@/lib/policy";
import type { ConsumptionRecord, IdentityRecord, SecretRecord } from "@/lib/sync/snapshot-data";

export const CLUSTER = "c1";

export function kvSecret(mount: string, path: string, extra: Partial<SecretRecord> = {}): SecretRecord {
  return {
    key: `${CLUSTER}:${mount}/${path}`, cluster: CLUSTER, mount, path, dataPath: `${mount}/data/${path}`, metadataPath: `${mount}/metadata/${path}`,
    engineKind: "kv-v2", lifecycle: "static", environment: null, ownerTeam: null, classification: null, rotationPeriodSeconds: null,
    lastRotatedAt: null, currentVersion: 1, versions: [], customMetadata: {}, createdTime: null, leaseTtlSeconds: null, ...extra,
  };
}

export function identity(authMount: string, roleName: string, policies: string[], extra: Partial<IdentityRecord> = {}): IdentityRecord {
  const kind = (authMount === "group" ? "group" : authMount.startsWith("kubernetes") ? "kubernetes" : authMount) as IdentityRecord["kind"];
  return {
    key: `${CLUSTER}:${authMount}/${roleName}`, cluster: CLUSTER, authMount, authType: kind, roleName, kind, displayName: null,
    bindings: {}, policies, ttlSeconds: null, maxTtlSeconds: null, ...extra,
  };
}

/** Policies keyed "<cluster>:<name>", each given as pattern -> capabilities. */
export async function policiesOf(defs: Record<string, Record<string, string[]>>): Promise<Map<string, ParsedPolicy>> {
  const out = new Map<string, ParsedPolicy>();
  for (const [name, rules] of Object.entries(defs)) {
    const hcl = Object.entries(rules).map(([p, caps]) => `path ${JSON.stringify(p)} {\n  capabilities = ${JSON.stringify(caps)}\n}\n`).join("");
    out.set(`${CLUSTER}:${name}`, await parsePolicy(name, hcl));
  }
  return out;
}

export function consumption(workloadKey: string, secretKey: string, extra: Partial<ConsumptionRecord> = {}): ConsumptionRecord {
  return {
    workloadKey, secretKey, secretRef: secretKey, mechanism: "vault-agent", refreshIntervalSeconds: 300, reload: "hot", identityKey: null,
    manifestFile: null, manifestLine: null, details: { refreshTrigger: "interval", syncDelaySeconds: 0, delivery: "file", leased: false, leaseTtlSeconds: null }, ...extra,
  };
}
