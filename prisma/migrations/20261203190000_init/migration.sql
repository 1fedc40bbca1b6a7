-- Radius initial schema. Hand-written in the exact shape `prisma migrate diff` produces for
-- prisma/schema.prisma (the schema engine cannot run on our build machines); additions Prisma
-- cannot express are at the end. lib/db/schema-drift.test.ts proves schema and SQL agree.

-- CreateEnum
CREATE TYPE "source_kind" AS ENUM ('vault', 'terraform', 'kubernetes', 'ci', 'catalog', 'audit-log');

-- CreateEnum
CREATE TYPE "sync_status" AS ENUM ('running', 'succeeded', 'failed');

-- CreateEnum
CREATE TYPE "snapshot_status" AS ENUM ('building', 'ready', 'failed');

-- CreateEnum
CREATE TYPE "secret_lifecycle" AS ENUM ('static', 'dynamic');

-- CreateEnum
CREATE TYPE "policy_origin" AS ENUM ('live', 'terraform');

-- CreateEnum
CREATE TYPE "identity_kind" AS ENUM ('kubernetes', 'jwt', 'oidc', 'approle', 'group', 'token');

-- CreateEnum
CREATE TYPE "workload_kind" AS ENUM ('deployment', 'statefulset', 'daemonset', 'cronjob', 'job', 'ci-job', 'other');

-- CreateEnum
CREATE TYPE "reload_behaviour" AS ENUM ('hot', 'restart', 'per-run');

-- CreateEnum
CREATE TYPE "consumption_mechanism" AS ENUM ('vault-agent', 'eso', 'csi', 'ci-oidc', 'direct');

-- CreateEnum
CREATE TYPE "alert_severity" AS ENUM ('info', 'low', 'medium', 'high', 'critical');

-- CreateEnum
CREATE TYPE "alert_status" AS ENUM ('open', 'acknowledged', 'resolved');

-- CreateEnum
CREATE TYPE "change_provider" AS ENUM ('github', 'gitlab', 'local');

-- CreateEnum
CREATE TYPE "change_request_status" AS ENUM ('draft', 'submitted', 'merged', 'closed', 'failed');

-- CreateEnum
CREATE TYPE "review_status" AS ENUM ('open', 'closed');

-- CreateEnum
CREATE TYPE "review_outcome" AS ENUM ('pending', 'keep', 'revoke');

-- CreateTable
CREATE TABLE "sources" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "kind" "source_kind" NOT NULL,
    "config" JSONB NOT NULL DEFAULT '{}',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "last_sync_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sources_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sync_runs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "source_id" UUID,
    "trigger" TEXT NOT NULL DEFAULT 'scheduled',
    "status" "sync_status" NOT NULL DEFAULT 'running',
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "counts" JSONB NOT NULL DEFAULT '{}',
    "error" TEXT,
    "snapshot_id" UUID,

    CONSTRAINT "sync_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "snapshots" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "status" "snapshot_status" NOT NULL DEFAULT 'building',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "snapshots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "active_snapshots" (
    "scope" TEXT NOT NULL DEFAULT 'inventory',
    "snapshot_id" UUID NOT NULL,
    "switched_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "active_snapshots_pkey" PRIMARY KEY ("scope")
);

-- CreateTable
CREATE TABLE "secrets" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "snapshot_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "cluster" TEXT NOT NULL,
    "mount" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "engine_kind" TEXT NOT NULL,
    "lifecycle" "secret_lifecycle" NOT NULL,
    "environment" TEXT,
    "owner_team" TEXT,
    "classification" TEXT,
    "rotation_period_seconds" INTEGER,
    "last_rotated_at" TIMESTAMPTZ(3),
    "current_version" INTEGER,
    "versions" JSONB NOT NULL DEFAULT '[]',
    "custom_metadata" JSONB NOT NULL DEFAULT '{}',
    "created_time" TIMESTAMPTZ(3),

    CONSTRAINT "secrets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "policies" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "snapshot_id" UUID NOT NULL,
    "cluster" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "origin" "policy_origin" NOT NULL,
    "raw_hcl" TEXT NOT NULL,
    "rules" JSONB NOT NULL DEFAULT '[]',
    "parse_error" TEXT,
    "templated" BOOLEAN NOT NULL DEFAULT false,
    "file" TEXT,
    "commit" TEXT,

    CONSTRAINT "policies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identities" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "snapshot_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "cluster" TEXT NOT NULL,
    "auth_mount" TEXT NOT NULL,
    "auth_type" TEXT NOT NULL,
    "role_name" TEXT NOT NULL,
    "kind" "identity_kind" NOT NULL,
    "display_name" TEXT,
    "bindings" JSONB NOT NULL DEFAULT '{}',
    "policies" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "ttl_seconds" INTEGER,
    "max_ttl_seconds" INTEGER,

    CONSTRAINT "identities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identity_group_memberships" (
    "snapshot_id" UUID NOT NULL,
    "group_id" UUID NOT NULL,
    "member_id" UUID NOT NULL,

    CONSTRAINT "identity_group_memberships_pkey" PRIMARY KEY ("group_id","member_id")
);

-- CreateTable
CREATE TABLE "grants" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "snapshot_id" UUID NOT NULL,
    "identity_id" UUID NOT NULL,
    "secret_id" UUID NOT NULL,
    "capabilities" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "policy_id" UUID,
    "policy_name" TEXT NOT NULL,
    "rule_path" TEXT NOT NULL,
    "via_group_id" UUID,

    CONSTRAINT "grants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "leases" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "snapshot_id" UUID NOT NULL,
    "cluster" TEXT NOT NULL,
    "lease_id" TEXT NOT NULL,
    "mount" TEXT NOT NULL,
    "secret_id" UUID,
    "issue_time" TIMESTAMPTZ(3),
    "expire_time" TIMESTAMPTZ(3),
    "last_renewal_at" TIMESTAMPTZ(3),
    "ttl_seconds" INTEGER,
    "renewable" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "leases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "certificates" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "snapshot_id" UUID NOT NULL,
    "cluster" TEXT NOT NULL,
    "issuer_mount" TEXT NOT NULL,
    "serial" TEXT NOT NULL,
    "common_name" TEXT,
    "sans" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "not_before" TIMESTAMPTZ(3) NOT NULL,
    "not_after" TIMESTAMPTZ(3) NOT NULL,
    "revoked" BOOLEAN NOT NULL DEFAULT false,
    "revoked_at" TIMESTAMPTZ(3),
    "role" TEXT,
    "key_type" TEXT,
    "key_bits" INTEGER,
    "secret_id" UUID,

    CONSTRAINT "certificates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workloads" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "snapshot_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "kind" "workload_kind" NOT NULL,
    "name" TEXT NOT NULL,
    "namespace" TEXT,
    "owner_team" TEXT,
    "reload" "reload_behaviour",
    "source_file" TEXT,
    "source_line" INTEGER,
    "metadata" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "workloads_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "consumptions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "snapshot_id" UUID NOT NULL,
    "workload_id" UUID NOT NULL,
    "secret_id" UUID,
    "secret_ref" TEXT NOT NULL,
    "mechanism" "consumption_mechanism" NOT NULL,
    "refresh_interval_seconds" INTEGER,
    "reload" "reload_behaviour" NOT NULL,
    "identity_id" UUID,
    "manifest_file" TEXT,
    "manifest_line" INTEGER,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "consumptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dependencies" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "snapshot_id" UUID NOT NULL,
    "from_id" UUID NOT NULL,
    "to_id" UUID NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'runtime',
    "source_file" TEXT,

    CONSTRAINT "dependencies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "time" TIMESTAMPTZ(3) NOT NULL,
    "cluster" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "operation" TEXT,
    "path" TEXT,
    "mount" TEXT,
    "remote_address" TEXT,
    "token_accessor" TEXT,
    "entity_id" TEXT,
    "display_name" TEXT,
    "identity_key" TEXT,
    "secret_key" TEXT,
    "policies" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "token_type" TEXT,
    "is_root" BOOLEAN NOT NULL DEFAULT false,
    "error" TEXT,
    "request_id" TEXT,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id","time")
) PARTITION BY RANGE ("time");

-- CreateTable
CREATE TABLE "access_stats" (
    "identity_key" TEXT NOT NULL,
    "secret_key" TEXT NOT NULL,
    "first_read_at" TIMESTAMPTZ(3),
    "last_read_at" TIMESTAMPTZ(3),
    "reads_30d" INTEGER NOT NULL DEFAULT 0,
    "reads_90d" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "access_stats_pkey" PRIMARY KEY ("identity_key","secret_key")
);

-- CreateTable
CREATE TABLE "alerts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "rule" TEXT NOT NULL,
    "severity" "alert_severity" NOT NULL,
    "subject" TEXT NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "first_seen" TIMESTAMPTZ(3) NOT NULL,
    "last_seen" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,
    "status" "alert_status" NOT NULL DEFAULT 'open',
    "assignee" TEXT,
    "note" TEXT,
    "evidence" JSONB NOT NULL DEFAULT '{}',
    "resolved_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "alerts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "change_requests" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kind" TEXT NOT NULL,
    "requester_email" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "rendered_files" JSONB NOT NULL DEFAULT '[]',
    "provider" "change_provider",
    "branch" TEXT,
    "pr_url" TEXT,
    "pr_number" INTEGER,
    "status" "change_request_status" NOT NULL DEFAULT 'draft',
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "change_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reviews" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "scope" JSONB NOT NULL DEFAULT '{}',
    "status" "review_status" NOT NULL DEFAULT 'open',
    "created_by" TEXT NOT NULL,
    "due_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_at" TIMESTAMPTZ(3),

    CONSTRAINT "reviews_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "review_decisions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "review_id" UUID NOT NULL,
    "identity_key" TEXT NOT NULL,
    "secret_key" TEXT NOT NULL,
    "capabilities" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "policy_name" TEXT,
    "outcome" "review_outcome" NOT NULL DEFAULT 'pending',
    "reviewer" TEXT,
    "note" TEXT,
    "decided_at" TIMESTAMPTZ(3),

    CONSTRAINT "review_decisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "portal_audit_log" (
    "id" BIGSERIAL NOT NULL,
    "time" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_email" TEXT NOT NULL,
    "actor_roles" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "action" TEXT NOT NULL,
    "target" TEXT,
    "ip" TEXT,
    "user_agent" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "prev_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "portal_audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "name" TEXT,
    "roles" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "last_sign_in_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "sources_name_key" ON "sources"("name");

-- CreateIndex
CREATE INDEX "sync_runs_started_at_idx" ON "sync_runs"("started_at");

-- CreateIndex
CREATE INDEX "sync_runs_status_started_at_idx" ON "sync_runs"("status", "started_at");

-- CreateIndex
CREATE INDEX "sync_runs_source_id_idx" ON "sync_runs"("source_id");

-- CreateIndex
CREATE INDEX "sync_runs_snapshot_id_idx" ON "sync_runs"("snapshot_id");

-- CreateIndex
CREATE INDEX "active_snapshots_snapshot_id_idx" ON "active_snapshots"("snapshot_id");

-- CreateIndex
CREATE INDEX "secrets_snapshot_id_path_idx" ON "secrets"("snapshot_id", "path");

-- CreateIndex
CREATE INDEX "secrets_snapshot_id_cluster_mount_idx" ON "secrets"("snapshot_id", "cluster", "mount");

-- CreateIndex
CREATE INDEX "secrets_snapshot_id_environment_idx" ON "secrets"("snapshot_id", "environment");

-- CreateIndex
CREATE INDEX "secrets_snapshot_id_owner_team_idx" ON "secrets"("snapshot_id", "owner_team");

-- CreateIndex
CREATE UNIQUE INDEX "secrets_snapshot_id_key_key" ON "secrets"("snapshot_id", "key");

-- CreateIndex
CREATE INDEX "policies_snapshot_id_name_idx" ON "policies"("snapshot_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "policies_snapshot_id_cluster_name_origin_key" ON "policies"("snapshot_id", "cluster", "name", "origin");

-- CreateIndex
CREATE INDEX "identities_snapshot_id_cluster_auth_mount_idx" ON "identities"("snapshot_id", "cluster", "auth_mount");

-- CreateIndex
CREATE INDEX "identities_snapshot_id_kind_idx" ON "identities"("snapshot_id", "kind");

-- CreateIndex
CREATE INDEX "identities_snapshot_id_role_name_idx" ON "identities"("snapshot_id", "role_name");

-- CreateIndex
CREATE UNIQUE INDEX "identities_snapshot_id_key_key" ON "identities"("snapshot_id", "key");

-- CreateIndex
CREATE INDEX "identity_group_memberships_member_id_idx" ON "identity_group_memberships"("member_id");

-- CreateIndex
CREATE INDEX "identity_group_memberships_snapshot_id_idx" ON "identity_group_memberships"("snapshot_id");

-- CreateIndex
CREATE INDEX "grants_secret_id_idx" ON "grants"("secret_id");

-- CreateIndex
CREATE INDEX "grants_identity_id_idx" ON "grants"("identity_id");

-- CreateIndex
CREATE INDEX "grants_policy_id_idx" ON "grants"("policy_id");

-- CreateIndex
CREATE INDEX "grants_snapshot_id_policy_name_idx" ON "grants"("snapshot_id", "policy_name");

-- CreateIndex
CREATE INDEX "leases_snapshot_id_expire_time_idx" ON "leases"("snapshot_id", "expire_time");

-- CreateIndex
CREATE INDEX "leases_secret_id_idx" ON "leases"("secret_id");

-- CreateIndex
CREATE UNIQUE INDEX "leases_snapshot_id_cluster_lease_id_key" ON "leases"("snapshot_id", "cluster", "lease_id");

-- CreateIndex
CREATE INDEX "certificates_snapshot_id_not_after_idx" ON "certificates"("snapshot_id", "not_after");

-- CreateIndex
CREATE INDEX "certificates_secret_id_idx" ON "certificates"("secret_id");

-- CreateIndex
CREATE UNIQUE INDEX "certificates_snapshot_id_cluster_issuer_mount_serial_key" ON "certificates"("snapshot_id", "cluster", "issuer_mount", "serial");

-- CreateIndex
CREATE INDEX "workloads_snapshot_id_owner_team_idx" ON "workloads"("snapshot_id", "owner_team");

-- CreateIndex
CREATE INDEX "workloads_snapshot_id_namespace_idx" ON "workloads"("snapshot_id", "namespace");

-- CreateIndex
CREATE UNIQUE INDEX "workloads_snapshot_id_key_key" ON "workloads"("snapshot_id", "key");

-- CreateIndex
CREATE INDEX "consumptions_secret_id_idx" ON "consumptions"("secret_id");

-- CreateIndex
CREATE INDEX "consumptions_workload_id_idx" ON "consumptions"("workload_id");

-- CreateIndex
CREATE INDEX "consumptions_identity_id_idx" ON "consumptions"("identity_id");

-- CreateIndex
CREATE INDEX "consumptions_snapshot_id_secret_ref_idx" ON "consumptions"("snapshot_id", "secret_ref");

-- CreateIndex
CREATE INDEX "dependencies_to_id_idx" ON "dependencies"("to_id");

-- CreateIndex
CREATE INDEX "dependencies_snapshot_id_idx" ON "dependencies"("snapshot_id");

-- CreateIndex
CREATE UNIQUE INDEX "dependencies_from_id_to_id_key" ON "dependencies"("from_id", "to_id");

-- CreateIndex
CREATE INDEX "audit_events_time_idx" ON "audit_events"("time");

-- CreateIndex
CREATE INDEX "audit_events_secret_key_time_idx" ON "audit_events"("secret_key", "time");

-- CreateIndex
CREATE INDEX "audit_events_identity_key_time_idx" ON "audit_events"("identity_key", "time");

-- CreateIndex
CREATE INDEX "audit_events_remote_address_time_idx" ON "audit_events"("remote_address", "time");

-- CreateIndex
CREATE INDEX "access_stats_secret_key_idx" ON "access_stats"("secret_key");

-- CreateIndex
CREATE INDEX "alerts_status_severity_idx" ON "alerts"("status", "severity");

-- CreateIndex
CREATE INDEX "alerts_rule_last_seen_idx" ON "alerts"("rule", "last_seen");

-- CreateIndex
CREATE INDEX "alerts_last_seen_idx" ON "alerts"("last_seen");

-- CreateIndex
CREATE UNIQUE INDEX "alerts_dedupe_key_key" ON "alerts"("dedupe_key");

-- CreateIndex
CREATE INDEX "change_requests_requester_email_created_at_idx" ON "change_requests"("requester_email", "created_at");

-- CreateIndex
CREATE INDEX "change_requests_status_created_at_idx" ON "change_requests"("status", "created_at");

-- CreateIndex
CREATE INDEX "reviews_status_created_at_idx" ON "reviews"("status", "created_at");

-- CreateIndex
CREATE INDEX "review_decisions_review_id_outcome_idx" ON "review_decisions"("review_id", "outcome");

-- CreateIndex
CREATE UNIQUE INDEX "review_decisions_review_id_identity_key_secret_key_key" ON "review_decisions"("review_id", "identity_key", "secret_key");

-- CreateIndex
CREATE UNIQUE INDEX "portal_audit_log_prev_hash_key" ON "portal_audit_log"("prev_hash");

-- CreateIndex
CREATE INDEX "portal_audit_log_time_idx" ON "portal_audit_log"("time");

-- CreateIndex
CREATE INDEX "portal_audit_log_actor_email_time_idx" ON "portal_audit_log"("actor_email", "time");

-- CreateIndex
CREATE INDEX "portal_audit_log_action_time_idx" ON "portal_audit_log"("action", "time");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- AddForeignKey
ALTER TABLE "sync_runs" ADD CONSTRAINT "sync_runs_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sync_runs" ADD CONSTRAINT "sync_runs_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "snapshots"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "active_snapshots" ADD CONSTRAINT "active_snapshots_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "snapshots"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "secrets" ADD CONSTRAINT "secrets_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "snapshots"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "policies" ADD CONSTRAINT "policies_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "snapshots"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identities" ADD CONSTRAINT "identities_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "snapshots"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identity_group_memberships" ADD CONSTRAINT "identity_group_memberships_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "snapshots"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identity_group_memberships" ADD CONSTRAINT "identity_group_memberships_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "identities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identity_group_memberships" ADD CONSTRAINT "identity_group_memberships_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "identities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "grants" ADD CONSTRAINT "grants_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "snapshots"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "grants" ADD CONSTRAINT "grants_identity_id_fkey" FOREIGN KEY ("identity_id") REFERENCES "identities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "grants" ADD CONSTRAINT "grants_secret_id_fkey" FOREIGN KEY ("secret_id") REFERENCES "secrets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "grants" ADD CONSTRAINT "grants_policy_id_fkey" FOREIGN KEY ("policy_id") REFERENCES "policies"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "grants" ADD CONSTRAINT "grants_via_group_id_fkey" FOREIGN KEY ("via_group_id") REFERENCES "identities"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "leases" ADD CONSTRAINT "leases_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "snapshots"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "leases" ADD CONSTRAINT "leases_secret_id_fkey" FOREIGN KEY ("secret_id") REFERENCES "secrets"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "snapshots"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_secret_id_fkey" FOREIGN KEY ("secret_id") REFERENCES "secrets"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workloads" ADD CONSTRAINT "workloads_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "snapshots"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consumptions" ADD CONSTRAINT "consumptions_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "snapshots"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consumptions" ADD CONSTRAINT "consumptions_workload_id_fkey" FOREIGN KEY ("workload_id") REFERENCES "workloads"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consumptions" ADD CONSTRAINT "consumptions_secret_id_fkey" FOREIGN KEY ("secret_id") REFERENCES "secrets"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consumptions" ADD CONSTRAINT "consumptions_identity_id_fkey" FOREIGN KEY ("identity_id") REFERENCES "identities"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dependencies" ADD CONSTRAINT "dependencies_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "snapshots"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dependencies" ADD CONSTRAINT "dependencies_from_id_fkey" FOREIGN KEY ("from_id") REFERENCES "workloads"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dependencies" ADD CONSTRAINT "dependencies_to_id_fkey" FOREIGN KEY ("to_id") REFERENCES "workloads"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_decisions" ADD CONSTRAINT "review_decisions_review_id_fkey" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Radius: audit_events is range-partitioned by day (UTC) on "time" (declared on the CREATE TABLE
-- above; Prisma's model maps to the parent table). The default partition catches rows for days
-- without a partition so ingestion never fails; ensure partitions ahead of time so it stays empty.
CREATE TABLE "audit_events_default" PARTITION OF "audit_events" DEFAULT;

-- Creates the partition holding `day` (UTC) if missing; returns its name. Called by
-- lib/db/audit-event-partitions.ts before ingestion and, below, for the days around install.
CREATE FUNCTION "radius_ensure_audit_event_partition"("day" DATE) RETURNS TEXT
LANGUAGE plpgsql AS $$
DECLARE
    partition_name TEXT := 'audit_events_p' || to_char("day", 'YYYYMMDD');
BEGIN
    IF to_regclass(quote_ident(partition_name)) IS NULL THEN
        EXECUTE format(
            'CREATE TABLE %I PARTITION OF "audit_events" FOR VALUES FROM (%L) TO (%L)',
            partition_name,
            ("day"::TIMESTAMP AT TIME ZONE 'UTC'),
            (("day" + 1)::TIMESTAMP AT TIME ZONE 'UTC')
        );
    END IF;
    RETURN partition_name;
END;
$$;

SELECT "radius_ensure_audit_event_partition"((now() AT TIME ZONE 'UTC')::DATE + offs)
FROM generate_series(-1, 7) AS offs;

-- Radius: portal_audit_log is append-only (invariant 4). Rejecting UPDATE, DELETE and TRUNCATE in
-- the database means no code path, bug or console session can rewrite history unnoticed; the hash
-- chain (lib/audit-trail) additionally detects edits made with the trigger disabled.
CREATE FUNCTION "portal_audit_log_reject_change"() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'portal_audit_log is append-only: % rejected', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "portal_audit_log_no_update_delete"
    BEFORE UPDATE OR DELETE ON "portal_audit_log"
    FOR EACH ROW EXECUTE FUNCTION "portal_audit_log_reject_change"();

CREATE TRIGGER "portal_audit_log_no_truncate"
    BEFORE TRUNCATE ON "portal_audit_log"
    FOR EACH STATEMENT EXECUTE FUNCTION "portal_audit_log_reject_change"();
