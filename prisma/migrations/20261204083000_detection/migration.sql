-- Detection (lib/detection): the webhook outbox for new alerts and the per-address read volume
-- the bulk-read rule uses as its baseline. Alerts themselves use the existing "alerts" table.

-- CreateEnum
CREATE TYPE "alert_notification_status" AS ENUM ('pending', 'sent', 'failed');

-- CreateTable
CREATE TABLE "alert_notifications" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "alert_id" UUID NOT NULL,
    "channel" TEXT NOT NULL DEFAULT 'webhook',
    "payload" JSONB NOT NULL,
    "status" "alert_notification_status" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "alert_notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "detection_read_volumes" (
    "remote_address" TEXT NOT NULL,
    "window_seconds" INTEGER NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "reads" INTEGER NOT NULL,

    CONSTRAINT "detection_read_volumes_pkey" PRIMARY KEY ("remote_address","window_seconds","window_start")
);

-- CreateIndex
CREATE INDEX "alert_notifications_status_next_attempt_at_idx" ON "alert_notifications"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "alert_notifications_alert_id_idx" ON "alert_notifications"("alert_id");

-- CreateIndex
CREATE INDEX "detection_read_volumes_window_start_idx" ON "detection_read_volumes"("window_start");
