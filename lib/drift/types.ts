/**
 * Drift between live Vault and the Terraform repository's main branch, as pages, the JSON API and
 * the CSV see it: plain serialisable data (ISO strings, no Prisma models). Safe for the client.
 */
import type { PageOf, SnapshotRef } from "@/lib/inventory/types";

export const DRIFT_KINDS = ["policy", "auth-role", "mount"] as const;
export type DriftKind = (typeof DRIFT_KINDS)[number];

/** vault-only = click-ops (made outside Terraform); terraform-only = not applied (or deleted in Vault). */
export const DRIFT_STATUSES = ["vault-only", "terraform-only", "different"] as const;
export type DriftStatus = (typeof DRIFT_STATUSES)[number];

export interface DriftDifference {
  /** What differs: "rule kv/data/x/*", "token_policies", "type". */
  field: string;
  /** The live value in words; null when Vault does not have it. */
  live: string | null;
  /** The Terraform value in words; null when Terraform does not declare it. */
  terraform: string | null;
  /** One sentence: `rule kv/data/x/*: live grants list, read; Terraform grants read`. */
  text: string;
}

export interface TerraformLocation {
  /** Relative to the Terraform directory of the repository. */
  file: string;
  line: number | null;
  /** "vault_policy.payments". */
  address: string | null;
}

/** One drifted resource (what the sync stores per snapshot, and what the table shows). */
export interface DriftRecord {
  cluster: string;
  kind: DriftKind;
  /** policy name; "auth/<mount>/role/<role>"; "<mount path>" or "auth/<auth mount path>". */
  name: string;
  status: DriftStatus;
  /** The difference in one or two sentences. */
  explanation: string;
  differences: DriftDifference[];
  /** Where Terraform declares it; null for vault-only resources. */
  terraform: TerraformLocation | null;
  /** The Terraform commit compared (main's head at sync time). */
  commit: string | null;
}

export type DriftCounts = Record<DriftKind, Record<DriftStatus, number>>;

/** What one sync compared: absent when Terraform was not configured or could not be read. */
export interface DriftComparisonRecord {
  cluster: string;
  commit: string;
  /** Resources looked at per kind (both sides, each name once). */
  compared: Record<DriftKind, number>;
}

export interface DriftResult extends DriftComparisonRecord {
  items: DriftRecord[];
}

/** Pass: Terraform was compared and nothing drifts. Unknown: no snapshot, or Terraform was not read. */
export type DriftCheckStatus = "pass" | "fail" | "unknown";

export interface DriftSummary {
  snapshot: SnapshotRef;
  status: DriftCheckStatus;
  /** The evidence in one sentence, for the page and the "Vault config in Git" checklist item. */
  evidence: string;
  comparison: (DriftComparisonRecord & { comparedAt: string }) | null;
  total: number;
  byStatus: Record<DriftStatus, number>;
  byKind: Record<DriftKind, number>;
  counts: DriftCounts;
}

export interface DriftRow extends DriftRecord {
  /** Vault-only policies can be brought into Terraform through a change request. */
  codifiable: boolean;
}

export interface DriftList extends PageOf<DriftRow> {
  snapshot: SnapshotRef;
  /** Null when the snapshot has no comparison (Terraform not configured or unreadable at sync time). */
  comparison: (DriftComparisonRecord & { comparedAt: string }) | null;
}
