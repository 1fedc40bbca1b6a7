/**
 * Everything one sync produces, keyed by stable keys (never database ids), before it is written
 * as a snapshot. Connectors (lib/sources/*) and the blast-radius algorithms (lib/blast-radius)
 * produce parts of it; lib/sync writes it in one snapshot and switches readers to it.
 *
 * Keys (stable across snapshots, used by audit evidence and review decisions):
 *   secret    "<cluster>:<mount>/<path>"  path as Vault names it below the mount:
 *             kv-v2 "payments/prod/api/stripe" (logical path), database "creds/<role>" or
 *             "static-creds/<role>", aws "creds/<role>", pki "issue/<role>"
 *   identity  "<cluster>:<authMount>/<roleName>"   (authMount without "auth/", e.g. "kubernetes-prod")
 *             "<cluster>:group/<groupName>"         (identity groups, e.g. OIDC-mapped human groups)
 *   workload  "k8s:<k8s-cluster>/<namespace>/<kind>/<name>" or "ci:<owner>/<repo>/<workflow-file>#<job>"
 *   policy    "<cluster>:<name>" (+ origin live | terraform)
 */
import type { ConsumptionMechanism, ReloadBehaviour, SourceProblem as ParserProblem } from "@/lib/sources/types";

export type EngineKind = "kv-v2" | "kv-v1" | "database-dynamic" | "database-static" | "aws" | "pki" | "transit";
export type IdentityKind = "kubernetes" | "jwt" | "oidc" | "approle" | "group" | "token";

export interface SecretRecord {
  key: string;
  cluster: string;
  mount: string;
  path: string;
  /** The API path a read of the value goes to: "kv/data/x", "database/creds/app". Used by ACL evaluation. */
  dataPath: string;
  /** The API path a LIST/metadata read goes to ("kv/metadata/x"); null for engines without one. */
  metadataPath: string | null;
  engineKind: EngineKind;
  lifecycle: "static" | "dynamic";
  environment: string | null;
  ownerTeam: string | null;
  classification: string | null;
  rotationPeriodSeconds: number | null;
  lastRotatedAt: string | null; // ISO
  currentVersion: number | null;
  versions: { version: number; createdTime: string; deletionTime: string | null; destroyed: boolean }[];
  customMetadata: Record<string, string>;
  createdTime: string | null;
  /** Dynamic engines: default/max lease TTL of the role, seconds. */
  leaseTtlSeconds: number | null;
}

export interface PolicyRecord {
  cluster: string;
  name: string;
  origin: "live" | "terraform";
  rawHcl: string;
  file: string | null;
  commit: string | null;
}

export interface IdentityRecord {
  key: string;
  cluster: string;
  authMount: string; // "group" for identity groups
  authType: string; // kubernetes | jwt | oidc | approle | group
  roleName: string;
  kind: IdentityKind;
  displayName: string | null;
  /** Bound service accounts/namespaces, bound claims (repository, ref), group alias, members... */
  bindings: Record<string, unknown>;
  policies: string[];
  ttlSeconds: number | null;
  maxTtlSeconds: number | null;
}

export interface MembershipRecord {
  groupKey: string;
  memberKey: string;
}

export interface WorkloadRecord {
  key: string;
  kind: "deployment" | "statefulset" | "daemonset" | "cronjob" | "job" | "ci-job" | "other";
  name: string;
  namespace: string | null;
  ownerTeam: string | null;
  reload: ReloadBehaviour | null;
  sourceFile: string | null;
  sourceLine: number | null;
  metadata: Record<string, unknown>;
}

export interface ConsumptionRecord {
  workloadKey: string;
  /** Resolved secret, or null when the referenced path is not in Vault (a dangling reference). */
  secretKey: string | null;
  secretRef: string; // the Vault API path as written in the manifest
  mechanism: ConsumptionMechanism;
  refreshIntervalSeconds: number | null;
  reload: ReloadBehaviour;
  identityKey: string | null;
  manifestFile: string | null;
  manifestLine: number | null;
  details: Record<string, unknown>;
}

export interface DependencyRecord {
  fromKey: string; // depends on...
  toKey: string; // ...this workload
  sourceFile: string | null;
}

export interface GrantRecord {
  identityKey: string;
  secretKey: string;
  /** Capabilities on the secret's data path (read etc.), plus "list" when granted on the metadata path. */
  capabilities: string[];
  /** Policies that carry the deciding rule. */
  policyNames: string[];
  /** The one rule pattern Vault picks for the data path (or the metadata path for list-only grants). */
  rulePath: string;
  /** Set when the policies reach the identity through an identity group. */
  viaGroupKey: string | null;
}

export interface SyncProblem {
  source: ParserProblem["source"] | "vault";
  /** File, or "<cluster> <METHOD> <path>" for Vault. */
  location: string;
  line?: number;
  column?: number;
  message: string;
  severity: "error" | "warning";
}

/** Per-secret answers computed by lib/blast-radius at sync time, so lists can filter and sort on them. */
export interface SecretSummaryRecord {
  secretKey: string;
  readerCount: number; // identities with read on the data path (list-only and root excluded)
  listOnlyCount: number;
  consumerCount: number;
  dependentCount: number; // transitive dependents of the consumers
  /** Seconds until every consumer has a rotated value; null = unbounded (a consumer needs a restart). */
  propagationSeconds: number | null;
  restartBound: boolean;
  exposureScore: number; // 0-100
  /** The score explained term by term: [{ term, points, detail }]. */
  exposureTerms: { term: string; points: number; detail: string }[];
}

export interface SnapshotData {
  secrets: SecretRecord[];
  policies: PolicyRecord[];
  identities: IdentityRecord[];
  memberships: MembershipRecord[];
  workloads: WorkloadRecord[];
  consumptions: ConsumptionRecord[];
  dependencies: DependencyRecord[];
  grants: GrantRecord[];
  summaries: SecretSummaryRecord[];
  problems: SyncProblem[];
}
