import type { CsvColumn } from "./csv";
import type { IdentityGrantRow, IdentityRow } from "./identity-types";
import type { PolicyGrantRow, PolicyRow } from "./policy-types";
import type { SecretRow } from "./types";
import type { WorkloadRow } from "./workload-types";

// The columns of each CSV download. Propagation is written both ways: seconds for sorting in a
// spreadsheet (empty when unbounded) and as the words the pages use.

export const SECRET_CSV: CsvColumn<SecretRow>[] = [
  { header: "key", value: (r) => r.key },
  { header: "cluster", value: (r) => r.cluster },
  { header: "mount", value: (r) => r.mount },
  { header: "path", value: (r) => r.path },
  { header: "engine", value: (r) => r.engineKind },
  { header: "environment", value: (r) => r.environment },
  { header: "owner_team", value: (r) => r.ownerTeam },
  { header: "classification", value: (r) => r.classification },
  { header: "exposure_score", value: (r) => r.exposureScore },
  { header: "readers", value: (r) => r.readerCount },
  { header: "list_only", value: (r) => r.listOnlyCount },
  { header: "consumers", value: (r) => r.consumerCount },
  { header: "dependents", value: (r) => r.dependentCount },
  { header: "propagation_seconds", value: (r) => r.propagationSeconds },
  { header: "restart_bound", value: (r) => r.restartBound },
  { header: "last_rotated_at", value: (r) => r.lastRotatedAt },
];

export const IDENTITY_CSV: CsvColumn<IdentityRow>[] = [
  { header: "key", value: (r) => r.key },
  { header: "kind", value: (r) => r.kind },
  { header: "auth_mount", value: (r) => r.authMount },
  { header: "role", value: (r) => r.roleName },
  { header: "policies", value: (r) => r.policies.join(" ") },
  { header: "readable_secrets", value: (r) => r.readableSecrets },
];

export const IDENTITY_GRANT_CSV: CsvColumn<IdentityGrantRow>[] = [
  { header: "secret_key", value: (r) => r.secretKey },
  { header: "environment", value: (r) => r.environment },
  { header: "classification", value: (r) => r.classification },
  { header: "capabilities", value: (r) => r.capabilities.join(" ") },
  { header: "policies", value: (r) => r.policyNames.join(" ") },
  { header: "rule_path", value: (r) => r.rulePath },
  { header: "via_group", value: (r) => r.viaGroup },
];

export const WORKLOAD_CSV: CsvColumn<WorkloadRow>[] = [
  { header: "key", value: (r) => r.key },
  { header: "name", value: (r) => r.name },
  { header: "kind", value: (r) => r.kind },
  { header: "namespace", value: (r) => r.namespace },
  { header: "owner_team", value: (r) => r.ownerTeam },
  { header: "reload", value: (r) => r.reload },
  { header: "secrets_consumed", value: (r) => r.consumes },
  { header: "direct_dependents", value: (r) => r.directDependents },
  { header: "source_file", value: (r) => r.source?.file },
  { header: "source_line", value: (r) => r.source?.line },
];

export const POLICY_CSV: CsvColumn<PolicyRow>[] = [
  { header: "cluster", value: (r) => r.cluster },
  { header: "name", value: (r) => r.name },
  { header: "live", value: (r) => r.live },
  { header: "terraform", value: (r) => r.terraform },
  { header: "drift", value: (r) => r.drift },
  { header: "rules", value: (r) => r.ruleCount },
  { header: "carriers", value: (r) => r.carriers },
];

export const POLICY_GRANT_CSV: CsvColumn<PolicyGrantRow>[] = [
  { header: "identity_key", value: (r) => r.identityKey },
  { header: "identity_kind", value: (r) => r.identityKind },
  { header: "secret_key", value: (r) => r.secretKey },
  { header: "capabilities", value: (r) => r.capabilities.join(" ") },
  { header: "rule_path", value: (r) => r.rulePath },
  { header: "via_group", value: (r) => r.viaGroup },
  { header: "sole_decider", value: (r) => r.soleDecider },
];
