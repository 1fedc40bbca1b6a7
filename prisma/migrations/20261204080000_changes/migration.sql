-- Changes (lib/changes): what a change request rendered and opened, kept with the request so the
-- change page shows it without asking the forge: title, the PR body, the unified diff, the
-- blast-radius delta, the forge's approvers and the commit the files were committed in.

-- AlterTable
ALTER TABLE "change_requests"
    ADD COLUMN "title" TEXT NOT NULL DEFAULT '',
    ADD COLUMN "requester_name" TEXT,
    ADD COLUMN "cluster" TEXT,
    ADD COLUMN "snapshot_id" UUID,
    ADD COLUMN "base_branch" TEXT,
    ADD COLUMN "commit" TEXT,
    ADD COLUMN "body" TEXT NOT NULL DEFAULT '',
    ADD COLUMN "diff" TEXT NOT NULL DEFAULT '',
    ADD COLUMN "delta" JSONB NOT NULL DEFAULT '{}',
    ADD COLUMN "approved_by" TEXT[] DEFAULT ARRAY[]::TEXT[],
    ADD COLUMN "status_checked_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "change_requests_created_at_idx" ON "change_requests"("created_at");

-- CreateIndex
CREATE INDEX "change_requests_provider_pr_number_idx" ON "change_requests"("provider", "pr_number");
