/**
 * Joins the distribution plane to the authority plane: each manifest/workflow reference to a Vault
 * API path becomes a secret key, and the auth mount + role it logs in with becomes an identity key.
 * Pure. A path that names no secret in Vault stays as a dangling reference (secretKey null) with a
 * warning, because "this workload will fail at its next restart" is exactly what users need to see.
 */
import { normalizeVaultPath } from "@/lib/sources/kubernetes";
import type { ParsedConsumption } from "@/lib/sources/types";
import type { ConsumptionRecord, IdentityRecord, SecretRecord, SyncProblem } from "./snapshot-data";

export interface ResolveInput {
  consumptions: readonly ParsedConsumption[];
  secrets: readonly SecretRecord[];
  identities: readonly IdentityRecord[];
}

export interface ResolveResult {
  consumptions: ConsumptionRecord[];
  problems: SyncProblem[];
  dangling: number;
}

export function resolveConsumptions(input: ResolveInput): ResolveResult {
  const byPath = indexBy(input.secrets, (s) => s.dataPath);
  const kvV2Mounts = new Set(input.secrets.filter((s) => s.engineKind === "kv-v2").map((s) => s.mount));
  const identityKeys = new Set(input.identities.map((i) => i.key));
  const authMountsByCluster = new Set(input.identities.map((i) => `${i.cluster}\u0000${i.authMount}`));
  const clusters = [...new Set([...input.secrets.map((s) => s.cluster), ...input.identities.map((i) => i.cluster)])];
  const problems: SyncProblem[] = [];
  let dangling = 0;

  const consumptions = input.consumptions.map((c): ConsumptionRecord => {
    const source = c.mechanism === "ci-oidc" ? "ci" : "kubernetes";
    const where = { source, location: c.sourceFile, line: c.line } as const;
    const candidates = candidatePaths(normalizeVaultPath(c.vaultPath), kvV2Mounts).flatMap((p) => byPath.get(p) ?? []);
    const secret = pickCluster(candidates, c, authMountsByCluster);
    if (candidates.length > 1 && secret) {
      problems.push({ ...where, severity: "warning", message: `${c.workloadKey}: ${c.vaultPath} exists on several Vault clusters; matched ${secret.cluster} by its auth mount` });
    }
    if (!secret) {
      dangling++;
      problems.push({ ...where, severity: "warning", message: `${c.workloadKey} reads ${c.vaultPath} (${c.via}), which is not a secret in Vault: dangling reference` });
    }
    const identityKey = resolveIdentity(c, secret?.cluster ?? null, clusters, identityKeys);
    if (c.identity.authMount && c.identity.role && !identityKey) {
      problems.push({ ...where, severity: "warning", message: `${c.workloadKey} logs in as auth/${c.identity.authMount}/role/${c.identity.role}, which does not exist in Vault` });
    }
    return {
      workloadKey: c.workloadKey,
      secretKey: secret?.key ?? null,
      secretRef: c.vaultPath,
      mechanism: c.mechanism,
      refreshIntervalSeconds: c.refreshIntervalSeconds,
      reload: c.reload,
      identityKey,
      manifestFile: c.sourceFile,
      manifestLine: c.line,
      // Everything the parser knew that has no column: lib/blast-radius reads the timing from here.
      details: {
        keys: c.keys,
        refreshTrigger: c.refreshTrigger,
        syncDelaySeconds: c.syncDelaySeconds,
        leased: c.leased,
        // Live Vault's role TTL is the better source when the manifests and Terraform said nothing.
        leaseTtlSeconds: c.leaseTtlSeconds ?? secret?.leaseTtlSeconds ?? null,
        delivery: c.delivery,
        via: c.via,
        notes: c.notes,
        identity: c.identity,
      },
    };
  });
  return { consumptions, problems, dangling };
}

/**
 * The data paths a reference may mean: as written; a KV v2 path written without "data/" (some
 * tools add it themselves); AWS STS credentials, which are the same role as creds/.
 */
function candidatePaths(path: string, kvV2Mounts: ReadonlySet<string>): string[] {
  const out = [path];
  const slash = path.indexOf("/");
  if (slash > 0) {
    const mount = path.slice(0, slash);
    const rest = path.slice(slash + 1);
    if (kvV2Mounts.has(mount) && !rest.startsWith("data/")) out.push(`${mount}/data/${rest}`);
    if (rest.startsWith("sts/")) out.push(`${mount}/creds/${rest.slice(4)}`);
  }
  return out;
}

/** Several clusters may mount the same path: the one where the consumer's auth mount lives wins. */
function pickCluster(candidates: SecretRecord[], c: ParsedConsumption, authMounts: ReadonlySet<string>): SecretRecord | null {
  if (candidates.length <= 1) return candidates[0] ?? null;
  const mount = c.identity.authMount;
  return (mount ? candidates.find((s) => authMounts.has(`${s.cluster}\u0000${mount}`)) : undefined) ?? candidates[0] ?? null;
}

function resolveIdentity(c: ParsedConsumption, cluster: string | null, clusters: string[], keys: ReadonlySet<string>): string | null {
  const { authMount, role } = c.identity;
  if (!authMount || !role) return null;
  const keyIn = (k: string) => `${k}:${authMount}/${role}`;
  if (cluster) return keys.has(keyIn(cluster)) ? keyIn(cluster) : null;
  const found = clusters.map(keyIn).filter((k) => keys.has(k));
  return found.length === 1 ? (found[0] as string) : null;
}

function indexBy<T>(list: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of list) {
    const k = key(item);
    const bucket = out.get(k);
    if (bucket) bucket.push(item);
    else out.set(k, [item]);
  }
  return out;
}
