import type { IdentityRef, PageOf, SnapshotRef, WorkloadRef } from "./types";

export interface IdentityRow extends IdentityRef {
  authType: string;
  policies: string[];
  /** Secrets it can read, capped at COUNT_CAP (then "10,000+"). */
  readableSecrets: number;
}

export interface IdentityList extends PageOf<IdentityRow> {
  snapshot: SnapshotRef;
  mounts: string[];
}

export interface IdentityGrantRow {
  secretKey: string;
  environment: string | null;
  classification: string | null;
  exposureScore: number;
  capabilities: string[];
  policyName: string;
  policyNames: string[];
  rulePath: string;
  viaGroup: string | null;
}

/** Per policy: the rules that hand this identity secrets, and how many. */
export interface PolicyReach {
  policyName: string;
  viaGroup: string | null;
  rules: { rulePath: string; secrets: number; readable: number }[];
  secrets: number;
  readable: number;
}

export interface IdentityReverseBlastRadius {
  identity: IdentityRef & {
    authType: string;
    bindings: Record<string, unknown>;
    policies: string[];
    ttlSeconds: number | null;
    maxTtlSeconds: number | null;
  };
  groups: (IdentityRef & { policies: string[] })[];
  members: IdentityRef[];
  memberCount: number;
  byPolicy: PolicyReach[];
  totalReadable: number;
  grants: PageOf<IdentityGrantRow>;
  usedBy: { workload: WorkloadRef; mechanism: string }[];
}
