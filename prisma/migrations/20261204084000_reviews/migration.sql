-- Reviews (lib/review): access-review campaigns. A campaign copies the grants in its scope from the
-- active snapshot into review_decisions (by stable keys, with the owner team and the reviewers
-- assigned from it), and each decision records who decided, why, the evidence shown, and the
-- revocation pull request a "revoke" opened through lib/changes.

-- AlterTable
ALTER TABLE "reviews"
    ADD COLUMN "snapshot_id" UUID,
    ADD COLUMN "created_by_name" TEXT,
    ADD COLUMN "closed_by" TEXT,
    ADD COLUMN "grant_count" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "reminders_sent_at" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "review_decisions"
    ADD COLUMN "owner_team" TEXT,
    ADD COLUMN "environment" TEXT,
    ADD COLUMN "rule_path" TEXT,
    ADD COLUMN "identity_teams" TEXT[] DEFAULT ARRAY[]::TEXT[],
    ADD COLUMN "assigned_to" TEXT[] DEFAULT ARRAY[]::TEXT[],
    ADD COLUMN "reviewer_name" TEXT,
    ADD COLUMN "justification" TEXT,
    ADD COLUMN "self_review" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "evidence" JSONB,
    ADD COLUMN "revocation_status" TEXT,
    ADD COLUMN "revocation_change_id" UUID,
    ADD COLUMN "revocation_error" TEXT;

-- CreateIndex
CREATE INDEX "reviews_status_due_at_idx" ON "reviews"("status", "due_at");

-- CreateIndex
CREATE INDEX "review_decisions_review_id_owner_team_idx" ON "review_decisions"("review_id", "owner_team");
