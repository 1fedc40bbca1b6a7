/**
 * Shapes of the sync use case: its options, dependencies, outcome and the progress/counts JSON
 * written to sync_runs.counts. Plain data, safe to import anywhere (no I/O).
 */
import type { PrismaClient } from "@/lib/db/create-client";
import type { VaultReader } from "@/lib/vault";
import type { CurrentUser } from "@/lib/auth/user";
import type { SyncConfig } from "./sync-config";

export type SyncTrigger = "scheduled" | "manual" | "startup";
export type SyncRunStatus = "running" | "succeeded" | "failed" | "partial";

export interface RunSyncOptions {
  trigger: SyncTrigger;
  /** Who asked (manual syncs); recorded on the run. */
  actor?: CurrentUser;
}

export interface SyncDeps {
  db: PrismaClient;
  /**
   * Direct connection for the advisory lock (a session lock must live on one connection, which
   * Prisma's pool cannot promise) and for the bulk inserts, which use the same connection.
   */
  databaseUrl: string;
  config: SyncConfig;
  /** Builds the read-only client for one cluster; tests inject fault-bearing stand-ins. */
  createReader?: (address: string) => VaultReader;
  now?: () => Date;
  log?: (message: string) => void;
}

export type SyncPhase =
  | "starting"
  | "vault-token-check"
  | "vault"
  | "health"
  | "terraform"
  | "manifests"
  | "workflows"
  | "catalog"
  | "resolve"
  | "grants"
  | "summaries"
  | "write"
  | "activate"
  | "prune"
  | "done";

export interface SyncProgress {
  phase: SyncPhase;
  done: number;
  total: number;
}

/** sync_runs.counts: progress while running, totals when finished. */
export interface SyncCounts {
  progress?: SyncProgress;
  actor?: string;
  clusters?: string[];
  secrets?: number;
  policies?: number;
  identities?: number;
  memberships?: number;
  workloads?: number;
  consumptions?: number;
  danglingConsumptions?: number;
  dependencies?: number;
  grants?: number;
  leases?: number;
  certificates?: number;
  vaultRequests?: number;
  terraformCommit?: string | null;
  /** Resources that differ between live Vault and Terraform (lib/drift); unset when Terraform was not read. */
  drift?: number;
  problems?: number;
  problemsStored?: number;
  problemsBySeverity?: { error: number; warning: number };
  prunedSnapshots?: number;
  /** Root / sudo-on-* holders: they can read everything, listed here instead of one grant per secret. */
  privilegedIdentities?: string[];
  /** CPU time of the pure steps, for the bench and the admin panel. */
  timingsMs?: { grants: number; summaries: number };
  durationsMs?: Partial<Record<SyncPhase, number>>;
}

export type RunSyncResult =
  | { status: "already-running" }
  | { status: Exclude<SyncRunStatus, "running">; runId: string; snapshotId: string | null; error: string | null; counts: SyncCounts };
