import type { DependentView } from "./secret-blast-radius-types";
import type { IdentityRef, PageOf, SnapshotRef, WorkloadRef } from "./types";

export interface WorkloadRow extends WorkloadRef {
  reload: string | null;
  source: { file: string; line: number | null } | null;
  consumes: number;
  directDependents: number;
}

export interface WorkloadList extends PageOf<WorkloadRow> {
  snapshot: SnapshotRef;
  facets: { namespaces: string[]; teams: string[] };
}

export interface WorkloadConsumption {
  secretKey: string | null;
  secretRef: string;
  environment: string | null;
  classification: string | null;
  mechanism: string;
  refreshIntervalSeconds: number | null;
  reload: string;
  identity: IdentityRef | null;
  manifest: { file: string; line: number | null } | null;
  propagationSeconds: number | null;
  propagationExplanation: string;
}

export interface WorkloadDetail {
  workload: WorkloadRow & { metadata: Record<string, unknown> };
  consumes: WorkloadConsumption[];
  dependsOn: (WorkloadRef & { edgeKind: string })[];
  dependents: DependentView[];
  identities: IdentityRef[];
}
