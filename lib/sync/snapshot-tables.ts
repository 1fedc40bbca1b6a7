/**
 * Column mappings of the snapshot tables (prisma/schema.prisma) for bulk-insert.ts. Rows carry
 * pre-assigned UUIDs, so edges reference their ends without reading generated ids back.
 */
import type { TableSpec } from "./bulk-insert";
import type {
  ConsumptionRecord, DependencyRecord, GrantRecord, IdentityRecord, PolicyRecord, SecretRecord, SecretSummaryRecord, WorkloadRecord,
} from "./snapshot-data";

type WithId<T> = T & { id: string };
export type SecretRow = WithId<SecretRecord> & { summary: SecretSummaryRecord | undefined };
export type PolicyRow = WithId<PolicyRecord> & { rules: unknown; parseError: string | null; templated: boolean };
export type IdentityRow = WithId<IdentityRecord>;
export type WorkloadRow = WithId<WorkloadRecord>;
export interface MembershipRow { groupId: string; memberId: string }
export type ConsumptionRow = ConsumptionRecord & { id: string; workloadId: string; secretId: string | null; identityId: string | null };
export type DependencyRow = DependencyRecord & { id: string; fromId: string; toId: string };
export type GrantRow = GrantRecord & { id: string; identityId: string; secretId: string; policyId: string | null; viaGroupId: string | null };

export const SECRETS: TableSpec<SecretRow> = {
  table: "secrets",
  columns: [
    { name: "id", type: "uuid", value: (r) => r.id },
    { name: "key", type: "text", value: (r) => r.key },
    { name: "cluster", type: "text", value: (r) => r.cluster },
    { name: "mount", type: "text", value: (r) => r.mount },
    { name: "path", type: "text", value: (r) => r.path },
    { name: "engine_kind", type: "text", value: (r) => r.engineKind },
    { name: "lifecycle", type: "text", cast: '"secret_lifecycle"', value: (r) => r.lifecycle },
    { name: "environment", type: "text", value: (r) => r.environment },
    { name: "owner_team", type: "text", value: (r) => r.ownerTeam },
    { name: "classification", type: "text", value: (r) => r.classification },
    { name: "rotation_period_seconds", type: "int4", value: (r) => r.rotationPeriodSeconds },
    { name: "last_rotated_at", type: "timestamptz", value: (r) => r.lastRotatedAt },
    { name: "current_version", type: "int4", value: (r) => r.currentVersion },
    { name: "versions", type: "jsonb", value: (r) => r.versions },
    { name: "custom_metadata", type: "jsonb", value: (r) => r.customMetadata },
    { name: "created_time", type: "timestamptz", value: (r) => r.createdTime },
    { name: "data_path", type: "text", value: (r) => r.dataPath },
    { name: "lease_ttl_seconds", type: "int4", value: (r) => r.leaseTtlSeconds },
    { name: "reader_count", type: "int4", value: (r) => r.summary?.readerCount ?? 0 },
    { name: "list_only_count", type: "int4", value: (r) => r.summary?.listOnlyCount ?? 0 },
    { name: "consumer_count", type: "int4", value: (r) => r.summary?.consumerCount ?? 0 },
    { name: "dependent_count", type: "int4", value: (r) => r.summary?.dependentCount ?? 0 },
    { name: "propagation_seconds", type: "int4", value: (r) => r.summary?.propagationSeconds ?? null },
    { name: "restart_bound", type: "bool", value: (r) => r.summary?.restartBound ?? false },
    { name: "exposure_score", type: "int4", value: (r) => r.summary?.exposureScore ?? 0 },
    { name: "exposure_terms", type: "jsonb", value: (r) => r.summary?.exposureTerms ?? [] },
  ],
};

export const POLICIES: TableSpec<PolicyRow> = {
  table: "policies",
  columns: [
    { name: "id", type: "uuid", value: (r) => r.id },
    { name: "cluster", type: "text", value: (r) => r.cluster },
    { name: "name", type: "text", value: (r) => r.name },
    { name: "origin", type: "text", cast: '"policy_origin"', value: (r) => r.origin },
    { name: "raw_hcl", type: "text", value: (r) => r.rawHcl },
    { name: "rules", type: "jsonb", value: (r) => r.rules },
    { name: "parse_error", type: "text", value: (r) => r.parseError },
    { name: "templated", type: "bool", value: (r) => r.templated },
    { name: "file", type: "text", value: (r) => r.file },
    { name: "commit", type: "text", value: (r) => r.commit },
  ],
};

export const IDENTITIES: TableSpec<IdentityRow> = {
  table: "identities",
  columns: [
    { name: "id", type: "uuid", value: (r) => r.id },
    { name: "key", type: "text", value: (r) => r.key },
    { name: "cluster", type: "text", value: (r) => r.cluster },
    { name: "auth_mount", type: "text", value: (r) => r.authMount },
    { name: "auth_type", type: "text", value: (r) => r.authType },
    { name: "role_name", type: "text", value: (r) => r.roleName },
    { name: "kind", type: "text", cast: '"identity_kind"', value: (r) => r.kind },
    { name: "display_name", type: "text", value: (r) => r.displayName },
    { name: "bindings", type: "jsonb", value: (r) => r.bindings },
    { name: "policies", type: "text-list", value: (r) => r.policies },
    { name: "ttl_seconds", type: "int4", value: (r) => r.ttlSeconds },
    { name: "max_ttl_seconds", type: "int4", value: (r) => r.maxTtlSeconds },
  ],
};

export const MEMBERSHIPS: TableSpec<MembershipRow> = {
  table: "identity_group_memberships",
  columns: [
    { name: "group_id", type: "uuid", value: (r) => r.groupId },
    { name: "member_id", type: "uuid", value: (r) => r.memberId },
  ],
};

export const WORKLOADS: TableSpec<WorkloadRow> = {
  table: "workloads",
  columns: [
    { name: "id", type: "uuid", value: (r) => r.id },
    { name: "key", type: "text", value: (r) => r.key },
    { name: "kind", type: "text", cast: '"workload_kind"', value: (r) => r.kind },
    { name: "name", type: "text", value: (r) => r.name },
    { name: "namespace", type: "text", value: (r) => r.namespace },
    { name: "owner_team", type: "text", value: (r) => r.ownerTeam },
    { name: "reload", type: "text", cast: '"reload_behaviour"', value: (r) => r.reload },
    { name: "source_file", type: "text", value: (r) => r.sourceFile },
    { name: "source_line", type: "int4", value: (r) => r.sourceLine },
    { name: "metadata", type: "jsonb", value: (r) => r.metadata },
  ],
};

export const CONSUMPTIONS: TableSpec<ConsumptionRow> = {
  table: "consumptions",
  columns: [
    { name: "id", type: "uuid", value: (r) => r.id },
    { name: "workload_id", type: "uuid", value: (r) => r.workloadId },
    { name: "secret_id", type: "uuid", value: (r) => r.secretId },
    { name: "secret_ref", type: "text", value: (r) => r.secretRef },
    { name: "mechanism", type: "text", cast: '"consumption_mechanism"', value: (r) => r.mechanism },
    { name: "refresh_interval_seconds", type: "int4", value: (r) => r.refreshIntervalSeconds },
    { name: "reload", type: "text", cast: '"reload_behaviour"', value: (r) => r.reload },
    { name: "identity_id", type: "uuid", value: (r) => r.identityId },
    { name: "manifest_file", type: "text", value: (r) => r.manifestFile },
    { name: "manifest_line", type: "int4", value: (r) => r.manifestLine },
    { name: "details", type: "jsonb", value: (r) => r.details },
  ],
};

export const DEPENDENCIES: TableSpec<DependencyRow> = {
  table: "dependencies",
  columns: [
    { name: "id", type: "uuid", value: (r) => r.id },
    { name: "from_id", type: "uuid", value: (r) => r.fromId },
    { name: "to_id", type: "uuid", value: (r) => r.toId },
    { name: "source_file", type: "text", value: (r) => r.sourceFile },
  ],
};

export const GRANTS: TableSpec<GrantRow> = {
  table: "grants",
  columns: [
    { name: "id", type: "uuid", value: (r) => r.id },
    { name: "identity_id", type: "uuid", value: (r) => r.identityId },
    { name: "secret_id", type: "uuid", value: (r) => r.secretId },
    { name: "capabilities", type: "text-list", value: (r) => r.capabilities },
    { name: "policy_id", type: "uuid", value: (r) => r.policyId },
    { name: "policy_name", type: "text", value: (r) => r.policyNames[0] ?? "" },
    { name: "policy_names", type: "text-list", value: (r) => r.policyNames },
    { name: "rule_path", type: "text", value: (r) => r.rulePath },
    { name: "via_group_id", type: "uuid", value: (r) => r.viaGroupId },
  ],
};
