-- Audit ingestion (lib/sources/audit): per-source checkpoints written in the same transaction as
-- the events, malformed-line problems, and the daily read rollups behind access_stats.

-- CreateTable
CREATE TABLE "audit_ingest_checkpoints" (
    "source" TEXT NOT NULL,
    "device" TEXT NOT NULL DEFAULT '',
    "inode" TEXT NOT NULL DEFAULT '',
    "offset" BIGINT NOT NULL DEFAULT '0'::BIGINT,
    "line" BIGINT NOT NULL DEFAULT '0'::BIGINT,
    "fingerprint" TEXT NOT NULL DEFAULT '',
    "fingerprint_bytes" INTEGER NOT NULL DEFAULT 0,
    "events" BIGINT NOT NULL DEFAULT '0'::BIGINT,
    "malformed" BIGINT NOT NULL DEFAULT '0'::BIGINT,
    "first_event_at" TIMESTAMPTZ(3),
    "last_event_at" TIMESTAMPTZ(3),
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_ingest_checkpoints_pkey" PRIMARY KEY ("source")
);

-- CreateTable
CREATE TABLE "audit_ingest_problems" (
    "id" BIGSERIAL NOT NULL,
    "source" TEXT NOT NULL,
    "file" TEXT NOT NULL,
    "line" BIGINT,
    "offset" BIGINT,
    "message" TEXT NOT NULL,
    "excerpt" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_ingest_problems_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "access_daily_reads" (
    "identity_key" TEXT NOT NULL,
    "secret_key" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "reads" INTEGER NOT NULL DEFAULT 0,
    "first_read_at" TIMESTAMPTZ(3) NOT NULL,
    "last_read_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "access_daily_reads_pkey" PRIMARY KEY ("identity_key","secret_key","day")
);

-- CreateIndex
CREATE INDEX "audit_ingest_problems_source_created_at_idx" ON "audit_ingest_problems"("source", "created_at");

-- CreateIndex
CREATE INDEX "audit_ingest_problems_created_at_idx" ON "audit_ingest_problems"("created_at");

-- CreateIndex
CREATE INDEX "access_daily_reads_day_idx" ON "access_daily_reads"("day");
