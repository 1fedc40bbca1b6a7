/**
 * sys/health, sys/mounts and sys/auth: the cluster's identity and what to walk. These are the
 * whole-cluster reads: if health or sys/mounts cannot be read, nothing else is worth trying and
 * the collect throws VaultUnavailableError (sys/auth failing is only a problem: no auth roles).
 */
import { addProblem, getValidated, type CollectContext } from "./collect-context";
import { VaultUnavailableError } from "./errors";
import { healthSchema, mountTableSchema, type MountEntry } from "./schemas";

export interface SecretMount {
  /** Without the trailing slash: "kv-prod". */
  path: string;
  type: string;
  /** KV only: "1" or "2". */
  version?: string;
  accessor: string;
}
export interface AuthMount {
  /** Without "auth/" and the trailing slash: "kubernetes-prod". */
  path: string;
  type: string;
  accessor: string;
}
export interface MountTables {
  mounts: SecretMount[];
  authMounts: AuthMount[];
}

/** Built-in mounts that hold nothing the inventory tracks. */
const BUILT_IN = new Set(["sys", "identity", "cubbyhole"]);

export interface ClusterIdentity {
  cluster: string;
  clusterId: string;
  version: string;
}

export async function readClusterIdentity(ctx: Pick<CollectContext, "reader">, cluster?: string): Promise<ClusterIdentity> {
  let raw: unknown;
  try {
    raw = await ctx.reader.health();
  } catch (error) {
    throw new VaultUnavailableError(ctx.reader.address, `sys/health failed: ${(error as Error).message}`, { cause: error });
  }
  const health = healthSchema.safeParse(raw);
  if (!health.success) throw new VaultUnavailableError(ctx.reader.address, "sys/health returned an unexpected body");
  if (health.data.sealed) throw new VaultUnavailableError(ctx.reader.address, "Vault is sealed");
  const name = cluster ?? health.data.cluster_name;
  if (!name) throw new VaultUnavailableError(ctx.reader.address, "sys/health names no cluster and none was configured");
  return { cluster: name, clusterId: health.data.cluster_id ?? "", version: health.data.version };
}

export async function readMountTables(ctx: CollectContext): Promise<MountTables> {
  const before = ctx.problems.length;
  const mounts = await getValidated(ctx, "sys/mounts", mountTableSchema, { missing: "ignore" });
  if (!mounts) {
    const why = ctx.problems.slice(before).map((p) => p.message).join("; ") || "no mount table";
    throw new VaultUnavailableError(ctx.reader.address, `sys/mounts unreadable (${why})`);
  }
  const auth = await getValidated(ctx, "sys/auth", mountTableSchema, { missing: "ignore" });
  return {
    mounts: entries(mounts.data).filter((m) => !BUILT_IN.has(m.path)).map(toSecretMount),
    authMounts: entries(auth?.data ?? {}).filter((m) => m.entry.type !== "token").map(({ path, entry }) => ({ path, type: entry.type, accessor: entry.accessor })),
  };
}

export function isKvV2(m: SecretMount): boolean {
  return m.type === "kv" && m.version === "2";
}

export function isKvV1(m: SecretMount): boolean {
  return (m.type === "kv" && m.version !== "2") || m.type === "generic";
}

/** Problem for KV v1 mounts: no metadata endpoint, so list-only (paths, no versions or owners). */
export function warnKvV1(ctx: CollectContext, m: SecretMount): void {
  addProblem(ctx, "LIST", `${m.path}/`, "KV v1 mount: no metadata endpoint, secrets are listed by path only (no versions, owner or rotation data)", "warning");
}


function entries(table: Record<string, MountEntry>): { path: string; entry: MountEntry }[] {
  // sys/* endpoints copy data to the top level; `data` alone is authoritative.
  return Object.entries(table).map(([path, entry]) => ({ path: path.replace(/\/+$/, ""), entry }));
}

function toSecretMount({ path, entry }: { path: string; entry: MountEntry }): SecretMount {
  const version = entry.type === "kv" ? (entry.options?.version ?? "1") : undefined;
  return { path, type: entry.type, accessor: entry.accessor, ...(version ? { version } : {}) };
}
