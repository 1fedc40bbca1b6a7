import type { IdentityRef, PageOf, SnapshotRef } from "./types";

export interface PolicyRow {
  cluster: string;
  name: string;
  live: boolean;
  terraform: boolean;
  /** Live and Terraform rules differ: someone changed it outside Terraform (or it was never applied). */
  drift: boolean;
  ruleCount: number;
  templated: boolean;
  parseError: boolean;
  carriers: number;
}

export interface PolicyList extends PageOf<PolicyRow> {
  snapshot: SnapshotRef;
  clusters: string[];
}

export interface PolicyRuleView {
  path: string;
  kind: string;
  capabilities: string[];
  templated: boolean;
  line: number | null;
}

export interface PolicyVersion {
  origin: "live" | "terraform";
  /** Policies are configuration, not secret values: showing the HCL is safe and is the point. */
  rawHcl: string;
  rules: PolicyRuleView[];
  parseError: string | null;
  templated: boolean;
  file: string | null;
  commit: string | null;
}

export interface PolicyGrantRow {
  identityKey: string;
  identityKind: string;
  secretKey: string;
  capabilities: string[];
  rulePath: string;
  viaGroup: string | null;
  soleDecider: boolean;
}

export interface PolicyBlastRadius {
  cluster: string;
  name: string;
  versions: PolicyVersion[];
  drift: boolean;
  direct: IdentityRef[];
  viaGroups: { group: string; member: IdentityRef }[];
  byRule: { rulePath: string; grants: number; identities: number }[];
  grants: PageOf<PolicyGrantRow>;
}
