-- AlterEnum
ALTER TYPE "sync_status" ADD VALUE 'partial';

-- AlterTable
ALTER TABLE "secrets" ADD COLUMN     "data_path" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "lease_ttl_seconds" INTEGER,
ADD COLUMN     "reader_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "list_only_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "consumer_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "dependent_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "propagation_seconds" INTEGER,
ADD COLUMN     "restart_bound" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "exposure_score" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "exposure_terms" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "grants" ADD COLUMN     "policy_names" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "sync_problems" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "sync_run_id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "location" TEXT NOT NULL,
    "line" INTEGER,
    "column" INTEGER,
    "message" TEXT NOT NULL,
    "severity" TEXT NOT NULL,

    CONSTRAINT "sync_problems_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "sync_problems_sync_run_id_idx" ON "sync_problems"("sync_run_id");

-- CreateIndex
CREATE INDEX "grants_via_group_id_idx" ON "grants"("via_group_id");

-- CreateIndex
CREATE INDEX "secrets_snapshot_id_exposure_score_idx" ON "secrets"("snapshot_id", "exposure_score");

-- AddForeignKey
ALTER TABLE "sync_problems" ADD CONSTRAINT "sync_problems_sync_run_id_fkey" FOREIGN KEY ("sync_run_id") REFERENCES "sync_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
