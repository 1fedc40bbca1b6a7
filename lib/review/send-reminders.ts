import "server-only";
import { appendPortalAudit } from "@/lib/audit-trail";
import type { PrismaClient } from "@/lib/db/create-client";

export interface ReviewReminder {
  reviewId: string;
  campaign: string;
  reviewer: string;
  pending: number;
  dueAt: string;
  overdue: boolean;
}

export interface SendRemindersOptions {
  db: PrismaClient;
  now?: () => Date;
  /** Remind when the deadline is at most this far away (or passed). Default 72 hours. */
  withinHours?: number;
  /** Do not remind the same reviewer of the same campaign more often than this. Default 24 hours. */
  everyHours?: number;
  /** The notification hook (e-mail, chat...); called after the reminder is recorded. Failures are returned, not thrown. */
  notify?: (reminder: ReviewReminder) => Promise<void>;
}

/** Who the portal's own records name as the actor of scheduled work. */
export const REMINDER_ACTOR = "radius-scheduler";

/**
 * Finds reviewers with pending decisions in open campaigns whose deadline is near (or passed), and
 * records one reminder per reviewer and campaign in the portal audit trail ("reviews.remind"),
 * with the campaign's reminders_sent_at in the same transaction so a second instance or a second
 * run within `everyHours` does not remind again. Then calls `notify` for each. Safe to run from a
 * scheduler on every instance.
 */
export async function sendReviewReminders(options: SendRemindersOptions): Promise<{ sent: ReviewReminder[]; notifyFailures: { reminder: ReviewReminder; error: string }[] }> {
  const { db } = options;
  const now = options.now ? options.now() : new Date();
  const horizon = new Date(now.getTime() + (options.withinHours ?? 72) * 3_600_000);
  const quietSince = new Date(now.getTime() - (options.everyHours ?? 24) * 3_600_000);
  const due = await db.$queryRaw<{ review_id: string; name: string; due_at: Date; reviewer: string; pending: number }[]>`
    SELECT r.id::text AS review_id, r.name, r.due_at, a.email AS reviewer, count(*)::int AS pending
    FROM reviews r
    JOIN review_decisions d ON d.review_id = r.id AND d.outcome = 'pending'
    CROSS JOIN LATERAL unnest(d.assigned_to) AS a(email)
    WHERE r.status = 'open' AND r.due_at IS NOT NULL AND r.due_at <= ${horizon}
    GROUP BY r.id, r.name, r.due_at, a.email
    ORDER BY r.due_at, a.email`;

  const sent: ReviewReminder[] = [];
  for (const row of due) {
    const reminder: ReviewReminder = {
      reviewId: row.review_id, campaign: row.name, reviewer: row.reviewer, pending: row.pending,
      dueAt: row.due_at.toISOString(), overdue: row.due_at.getTime() < now.getTime(),
    };
    const recorded = await db.$transaction(async (tx) => {
      // The campaign row lock serialises instances: only one of them sees the old timestamp.
      const [campaign] = await tx.$queryRaw<{ last: string | null }[]>`
        SELECT reminders_sent_at ->> ${row.reviewer} AS last FROM reviews WHERE id = ${row.review_id}::uuid AND status = 'open' FOR UPDATE`;
      if (!campaign || (campaign.last && new Date(campaign.last).getTime() > quietSince.getTime())) return false;
      await tx.$executeRaw`UPDATE reviews SET reminders_sent_at = reminders_sent_at || jsonb_build_object(${row.reviewer}::text, ${now.toISOString()}::text)
        WHERE id = ${row.review_id}::uuid`;
      await appendPortalAudit(tx, {
        actorEmail: REMINDER_ACTOR, actorRoles: [], action: "reviews.remind", target: `review:${row.review_id}`,
        details: { reviewer: row.reviewer, pending: row.pending, dueAt: reminder.dueAt, overdue: reminder.overdue },
      });
      return true;
    });
    if (recorded) sent.push(reminder);
  }

  const notifyFailures: { reminder: ReviewReminder; error: string }[] = [];
  if (options.notify) {
    for (const reminder of sent) {
      try {
        await options.notify(reminder);
      } catch (error) {
        notifyFailures.push({ reminder, error: error instanceof Error ? error.message : String(error) });
      }
    }
  }
  return { sent, notifyFailures };
}
