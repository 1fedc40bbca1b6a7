-- Checklist: admin attestations of human facts and the daily history behind the dashboard trend
-- (lib/checklist, models ChecklistAttestation and ChecklistDailyHistory).

-- CreateTable
CREATE TABLE "checklist_attestations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "item" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "statement" TEXT NOT NULL,
    "performed_at" TIMESTAMPTZ(3),
    "evidence_url" TEXT,
    "attested_by" TEXT NOT NULL,
    "attested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "checklist_attestations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "checklist_daily_history" (
    "day" DATE NOT NULL,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "pass" INTEGER NOT NULL DEFAULT 0,
    "fail" INTEGER NOT NULL DEFAULT 0,
    "unknown" INTEGER NOT NULL DEFAULT 0,
    "items" JSONB NOT NULL DEFAULT '{}',
    "figures" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "checklist_daily_history_pkey" PRIMARY KEY ("day")
);

-- CreateIndex
CREATE INDEX "checklist_attestations_item_attested_at_idx" ON "checklist_attestations"("item", "attested_at");
