/**
 * collectVaultInventory: one read-only pass over a Vault cluster (metadata only; DESIGN.md
 * invariants 1 and 2), producing the Vault part of a snapshot. Item failures become SyncProblems;
 * only a whole-cluster failure throws (VaultUnavailableError). Every request shares one limiter.
 */
import type { VaultReader } from "@/lib/vault";
import type { IdentityRecord, MembershipRecord, PolicyRecord, SecretRecord, SyncProblem } from "@/lib/sync/snapshot-data";
import { collectAuditDevices } from "./audit-devices";
import { collectAuthRoles } from "./auth-roles";
import type { CollectContext, CollectPhase, CollectProgress } from "./collect-context";
import { collectAws, collectDatabase } from "./dynamic-roles";
import { buildOwnerIndex } from "./heuristics";
import { collectIdentityGroups } from "./identity-groups";
import { collectKvV1, collectKvV2 } from "./kv";
import { isKvV1, isKvV2, readClusterIdentity, readMountTables, warnKvV1, type AuthMount, type MountTables, type SecretMount } from "./mount-tables";
import { collectPolicies } from "./policies";
import { createLimiter } from "./promise-pool";

export interface CollectOptions {
  /** Defaults to cluster_name from sys/health. Keys are prefixed with it: keep it stable. */
  cluster?: string;
  /** Requests in flight at most (e.g. 8). */
  concurrency: number;
  onProgress?: (p: CollectProgress) => void;
  signal?: AbortSignal;
}

export interface VaultInventory {
  cluster: string;
  clusterId: string;
  version: string;
  secrets: SecretRecord[];
  policies: PolicyRecord[];
  identities: IdentityRecord[];
  memberships: MembershipRecord[];
  authMounts: AuthMount[];
  mounts: SecretMount[];
  /** null when sys/audit could not be read (it needs sudo). */
  auditDevices: { path: string; type: string }[] | null;
  problems: SyncProblem[];
  /** Logical requests sent (the reader's retries are not counted). */
  requestCount: number;
}

export async function collectVaultInventory(reader: VaultReader, options: CollectOptions): Promise<VaultInventory> {
  options.signal?.throwIfAborted();
  const report = (phase: CollectPhase, done: number, total?: number) => options.onProgress?.({ phase, done, ...(total === undefined ? {} : { total }) });
  const identity = await readClusterIdentity({ reader }, options.cluster);
  report("health", 1, 1);
  const ctx: CollectContext = {
    reader,
    cluster: identity.cluster,
    limiter: createLimiter(options.concurrency, options.signal),
    problems: [],
    requestCount: 1, // sys/health
    signal: options.signal,
    onProgress: options.onProgress,
  };
  const tables = await readMountTables(ctx);
  report("mounts", tables.mounts.length + tables.authMounts.length);

  // KV first in the same wave as the independent reads; dynamic roles need KV owners (heuristics.ts).
  const [kv, policies, authRoles, groups, auditDevices] = await Promise.all([
    collectKv(ctx, tables.mounts, report),
    collectPolicies(ctx).then(done(report, "policies")),
    collectAuthRoles(ctx, tables.authMounts).then(done(report, "auth")),
    collectIdentityGroups(ctx, tables.authMounts).then((g) => (report("identity", g.identities.length), g)),
    collectAuditDevices(ctx).then((d) => (report("audit", d?.length ?? 0), d)),
  ]);
  const owners = buildOwnerIndex(kv);
  const [database, aws] = await Promise.all([
    Promise.all(tables.mounts.filter((m) => m.type === "database").map((m) => collectDatabase(ctx, m, owners))).then((r) => r.flat()).then(done(report, "database")),
    Promise.all(tables.mounts.filter((m) => m.type === "aws").map((m) => collectAws(ctx, m, owners))).then((r) => r.flat()).then(done(report, "aws")),
  ]);

  return {
    ...identity,
    secrets: [...kv, ...database, ...aws],
    policies,
    identities: [...authRoles, ...groups.identities],
    memberships: groups.memberships,
    authMounts: tables.authMounts,
    mounts: tables.mounts,
    auditDevices,
    problems: ctx.problems,
    requestCount: ctx.requestCount,
  };
}

async function collectKv(ctx: CollectContext, mounts: readonly SecretMount[], report: (phase: CollectPhase, done: number) => void): Promise<SecretRecord[]> {
  let count = 0;
  // Progress per secret can mean 100k callbacks: report every 100 and at the end.
  const progress = { tick: () => ++count % 100 === 0 && report("kv", count) };
  const results = await Promise.all(
    mounts.map((m) => {
      if (isKvV2(m)) return collectKvV2(ctx, m, progress);
      if (isKvV1(m)) {
        warnKvV1(ctx, m);
        return collectKvV1(ctx, m, progress);
      }
      return Promise.resolve([]);
    }),
  );
  report("kv", count);
  return results.flat();
}

const done = (report: (phase: CollectPhase, done: number) => void, phase: CollectPhase) => <T extends unknown[]>(items: T): T => {
  report(phase, items.length);
  return items;
};

/**
 * Just the mount tables (3 requests), so the sync can run checkTokenCannotWrite before the walk
 * and refuse to sync with a write-capable token without reading anything else.
 */
export async function readVaultMountTables(reader: VaultReader, options: { cluster?: string } = {}): Promise<MountTables & { cluster: string }> {
  const { cluster } = await readClusterIdentity({ reader }, options.cluster);
  const ctx: CollectContext = { reader, cluster, limiter: createLimiter(1), problems: [], requestCount: 0 };
  return { cluster, ...(await readMountTables(ctx)) };
}
