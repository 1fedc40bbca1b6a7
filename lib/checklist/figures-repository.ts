// No "server-only": recordDailyHistory runs from instrumentation.ts (history-scheduler.ts), which
// Next.js compiles outside the react-server build where that package throws. Server code only.
import type { DbClient } from "@/lib/db/create-client";

const DAY = 86_400_000;
// DESIGN.md: stale = not rotated within its rotation period, or 90 days when none is set.
const DEFAULT_PERIOD_SECONDS = 90 * 86_400;
type N = number;

/** Secrets aggregated in one scan: totals, owner share, rotation compliance, exposure histogram. */
export async function aggregateSecrets(db: DbClient, snapshotId: string, now: Date) {
  const [totals, byEnvEngine, exposure] = await Promise.all([
    db.$queryRaw<{ total: N; with_owner: N; rotated: N; stale_static: N }[]>`
      SELECT count(*)::int AS total, count(owner_team)::int AS with_owner,
        count(*) FILTER (WHERE lifecycle = 'dynamic' OR last_rotated_at >= ${now}::timestamptz - make_interval(secs => coalesce(rotation_period_seconds, ${DEFAULT_PERIOD_SECONDS})))::int AS rotated,
        count(*) FILTER (WHERE lifecycle = 'static' AND (last_rotated_at IS NULL OR last_rotated_at < ${now}::timestamptz - make_interval(secs => coalesce(rotation_period_seconds, ${DEFAULT_PERIOD_SECONDS}))))::int AS stale_static
      FROM secrets WHERE snapshot_id = ${snapshotId}::uuid`,
    db.$queryRaw<{ environment: string; engine: string; count: N }[]>`
      SELECT coalesce(environment, '(none)') AS environment, engine_kind AS engine, count(*)::int AS count
      FROM secrets WHERE snapshot_id = ${snapshotId}::uuid GROUP BY 1, 2 ORDER BY 1, 2`,
    db.$queryRaw<{ bucket: N; count: N }[]>`
      SELECT least(exposure_score / 10, 9)::int AS bucket, count(*)::int AS count
      FROM secrets WHERE snapshot_id = ${snapshotId}::uuid GROUP BY 1 ORDER BY 1`,
  ]);
  return { totals: totals[0] ?? { total: 0, with_owner: 0, rotated: 0, stale_static: 0 }, byEnvEngine, exposure };
}

export async function aggregateCertificates(db: DbClient, snapshotId: string, now: Date) {
  const t = now.getTime();
  const rows = await db.$queryRaw<{ total: N; expired: N; d7: N; d30: N; revoked: N }[]>`
    SELECT count(*)::int AS total,
      count(*) FILTER (WHERE NOT revoked AND not_after < ${now})::int AS expired,
      count(*) FILTER (WHERE NOT revoked AND not_after >= ${now} AND not_after < ${new Date(t + 7 * DAY)})::int AS d7,
      count(*) FILTER (WHERE NOT revoked AND not_after >= ${now} AND not_after < ${new Date(t + 30 * DAY)})::int AS d30,
      count(*) FILTER (WHERE revoked)::int AS revoked
    FROM certificates WHERE snapshot_id = ${snapshotId}::uuid`;
  return rows[0] ?? { total: 0, expired: 0, d7: 0, d30: 0, revoked: 0 };
}

export async function aggregateOpenAlerts(db: DbClient) {
  return db.$queryRaw<{ rule: string; open: N }[]>`
    SELECT rule, count(*)::int AS open FROM alerts WHERE status = 'open' GROUP BY rule ORDER BY 2 DESC, 1`;
}

export async function upsertDailyHistory(db: DbClient, row: { day: string; pass: N; fail: N; unknown: N; items: object; figures: object }) {
  await db.$executeRaw`
    INSERT INTO checklist_daily_history (day, recorded_at, pass, fail, unknown, items, figures)
    VALUES (${row.day}::date, now(), ${row.pass}, ${row.fail}, ${row.unknown}, ${JSON.stringify(row.items)}::jsonb, ${JSON.stringify(row.figures)}::jsonb)
    ON CONFLICT (day) DO UPDATE SET recorded_at = now(), pass = EXCLUDED.pass, fail = EXCLUDED.fail, unknown = EXCLUDED.unknown, items = EXCLUDED.items, figures = EXCLUDED.figures`;
}

export async function findHistory(db: DbClient, since: Date) {
  return db.$queryRaw<{ day: Date; pass: N; fail: N; unknown: N; figures: unknown }[]>`
    SELECT day, pass, fail, unknown, figures FROM checklist_daily_history WHERE day >= ${since.toISOString().slice(0, 10)}::date ORDER BY day`;
}
