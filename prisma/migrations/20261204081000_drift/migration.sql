-- Drift: live Vault compared with the Terraform repository per snapshot (lib/drift, models
-- DriftComparison and DriftItem). No foreign key to snapshots: the models have no Prisma relation
-- (appended without editing Snapshot), so the cascade is a trigger, as for pki_issuers.

-- CreateEnum
CREATE TYPE "drift_kind" AS ENUM ('policy', 'auth-role', 'mount');

-- CreateEnum
CREATE TYPE "drift_status" AS ENUM ('vault-only', 'terraform-only', 'different');

-- CreateTable
CREATE TABLE "drift_comparisons" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "snapshot_id" UUID NOT NULL,
    "cluster" TEXT NOT NULL,
    "commit" TEXT NOT NULL,
    "compared" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "drift_comparisons_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "drift_items" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "snapshot_id" UUID NOT NULL,
    "cluster" TEXT NOT NULL,
    "kind" "drift_kind" NOT NULL,
    "name" TEXT NOT NULL,
    "status" "drift_status" NOT NULL,
    "explanation" TEXT NOT NULL,
    "differences" JSONB NOT NULL DEFAULT '[]',
    "terraform_file" TEXT,
    "terraform_line" INTEGER,
    "terraform_address" TEXT,
    "commit" TEXT,

    CONSTRAINT "drift_items_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "drift_comparisons_snapshot_id_key" ON "drift_comparisons"("snapshot_id");

-- CreateIndex
CREATE UNIQUE INDEX "drift_items_snapshot_id_cluster_kind_name_key" ON "drift_items"("snapshot_id", "cluster", "kind", "name");

-- CreateIndex
CREATE INDEX "drift_items_snapshot_id_status_idx" ON "drift_items"("snapshot_id", "status");

-- Cascade from snapshots (see above).
CREATE FUNCTION "drift_delete_with_snapshot"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM "drift_items" WHERE "snapshot_id" = OLD."id";
    DELETE FROM "drift_comparisons" WHERE "snapshot_id" = OLD."id";
    RETURN OLD;
END;
$$;

CREATE TRIGGER "drift_delete_with_snapshot"
    AFTER DELETE ON "snapshots"
    FOR EACH ROW EXECUTE FUNCTION "drift_delete_with_snapshot"();
