import type { ExposureTerm, IdentityRef, SecretRow, WorkloadRef } from "./types";

/** Humans reach Vault through (OIDC-mapped) groups, CI through JWT roles, workloads through Kubernetes or AppRole. */
export type ReaderCategory = "human" | "ci" | "workload" | "other";

/** identity -> (group ->) policy -> the one rule path Vault picks -> capabilities. */
export interface GrantExplanation {
  viaGroup: IdentityRef | null;
  policy: { cluster: string; name: string; origin: string | null; file: string | null };
  /** Other policies carrying the same deciding rule (the grant survives losing one of them). */
  otherPolicies: string[];
  rulePath: string;
  ruleLine: number | null;
  ruleCapabilities: string[];
  capabilities: string[];
}

export interface ReaderView {
  identity: IdentityRef;
  category: ReaderCategory;
  capabilities: string[];
  why: GrantExplanation[];
  lastReadAt: string | null;
  reads90d: number | null;
}

export interface ConsumerView {
  workload: WorkloadRef;
  mechanism: string;
  refreshIntervalSeconds: number | null;
  reload: string;
  identity: IdentityRef | null;
  secretRef: string;
  manifest: { file: string; line: number | null } | null;
  propagationSeconds: number | null;
  propagationExplanation: string;
  /** timer | restart | next-run | manual-resync */
  waitsFor: string;
}

export interface DependentView {
  workload: WorkloadRef;
  depth: number;
  /** consumer -> ... -> this workload */
  path: WorkloadRef[];
  /** Hangs off a consumer that keeps the old value until a restart, resync or next run: broken until then. */
  breaksNow: boolean;
}

/** One event of "rotate now" played forward (lib/blast-radius simulateRotation). */
export interface RotationStep {
  /** Seconds after rotation; null = at the next restart/resync, which nothing schedules. */
  atSeconds: number | null;
  workload: WorkloadRef | null;
  event: string;
  detail: string;
}

export interface BrokenConsumerView {
  workload: WorkloadRef;
  until: string; // "restart" | "next run" | "resync"
  why: string;
}

export interface SecretDetail extends SecretRow {
  dataPath: string | null;
  leaseTtlSeconds: number | null;
  rotationPeriodSeconds: number | null;
  currentVersion: number | null;
  createdTime: string | null;
}

export interface SecretBlastRadius {
  secret: SecretDetail;
  readers: ReaderView[];
  readerCounts: Record<ReaderCategory, number>;
  listOnly: ReaderView[];
  privileged: ReaderView[];
  grantsTruncated: boolean;
  consumers: ConsumerView[];
  dependents: DependentView[];
  dependentsTruncated: boolean;
  /** totalSeconds null = unbounded; `slowest` is the consumer that sets the total (the first unbounded one). */
  propagation: { totalSeconds: number | null; restartBound: boolean; slowest: WorkloadRef | null };
  whatBreaks: { consumers: BrokenConsumerView[]; dependents: DependentView[] };
  rotation: RotationStep[];
  exposure: { score: number; terms: ExposureTerm[] };
  /** Audit-log evidence (lib/blast-radius/audit-evidence.ts); `available` false until the log is ingested. */
  evidence: SecretEvidenceView;
  leases: { count: number; rows: { leaseId: string; expireTime: string | null; ttlSeconds: number | null; renewable: boolean }[] };
  certificates: { count: number; rows: { serial: string; commonName: string | null; notAfter: string; revoked: boolean }[] };
}

export interface ReaderEvidenceView {
  identityKey: string;
  lastReadAt: string | null;
  reads30d: number;
  reads90d: number;
}

export interface SecretEvidenceView {
  available: boolean;
  /** Event time range the ingested log covers. */
  coverage: { since: string | null; until: string | null } | null;
  /** Readers with no read in 90 days (revocation candidates). */
  unusedGrants: string[];
  /** Read the value in the past, no access now: rotate it. */
  ghostReaders: ReaderEvidenceView[];
  topReaders: ReaderEvidenceView[];
  lastReadAt: string | null;
  /** Not rotated within its rotation period (90 days when none); ageSeconds null = unknown. */
  stale: { stale: boolean; periodSeconds: number; ageSeconds: number | null };
}
