/**
 * access_stats (identity x secret: first/last read, reads in 30 and 90 days), kept incrementally.
 *
 * A count of "reads in the last 30 days" cannot be kept by adding to it: it must also drop the reads
 * that age out as days pass. So each batch adds its successful value reads to a daily rollup
 * (access_daily_reads: identity x secret x UTC day, a few rows per pair), then recomputes the
 * 30/90-day sums of the pairs it touched from that rollup, in the batch's transaction. Once per UTC
 * day `refreshAccessStats` recomputes every pair (the windows moved by a day) and drops rollup days
 * older than 90 days. first_read_at / last_read_at only ever widen, so they survive that pruning
 * (a ghost reader's last read stays known after its 90 days).
 *
 * Windows are whole UTC days: "30 days" = today and the 29 days before it.
 */
import type pg from "pg";
import type { DailyRead } from "./event-batch";

export const STATS_WINDOW_DAYS = 90;
const utcDay = (now: Date): string => now.toISOString().slice(0, 10);

export async function addDailyReads(client: pg.ClientBase, reads: readonly DailyRead[], now: Date): Promise<void> {
  if (reads.length === 0) return;
  await client.query(
    `INSERT INTO access_daily_reads (identity_key, secret_key, day, reads, first_read_at, last_read_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::int4[], $5::timestamptz[], $6::timestamptz[])
     ON CONFLICT (identity_key, secret_key, day) DO UPDATE SET
       reads = access_daily_reads.reads + EXCLUDED.reads,
       first_read_at = LEAST(access_daily_reads.first_read_at, EXCLUDED.first_read_at),
       last_read_at = GREATEST(access_daily_reads.last_read_at, EXCLUDED.last_read_at)`,
    [
      reads.map((r) => r.identityKey), reads.map((r) => r.secretKey), reads.map((r) => r.day), reads.map((r) => r.reads),
      reads.map((r) => new Date(r.firstMs).toISOString()), reads.map((r) => new Date(r.lastMs).toISOString()),
    ],
  );
  await client.query(
    `INSERT INTO access_stats (identity_key, secret_key, first_read_at, last_read_at, reads_30d, reads_90d, updated_at)
     SELECT r.identity_key, r.secret_key, min(r.first_read_at), max(r.last_read_at),
       COALESCE(sum(r.reads) FILTER (WHERE r.day > $3::date - 30), 0),
       COALESCE(sum(r.reads) FILTER (WHERE r.day > $3::date - ${STATS_WINDOW_DAYS}), 0), $4::timestamptz
     FROM access_daily_reads r
     JOIN (SELECT DISTINCT i, s FROM unnest($1::text[], $2::text[]) AS t(i, s)) t ON r.identity_key = t.i AND r.secret_key = t.s
     GROUP BY r.identity_key, r.secret_key
     ON CONFLICT (identity_key, secret_key) DO UPDATE SET
       first_read_at = LEAST(access_stats.first_read_at, EXCLUDED.first_read_at),
       last_read_at = GREATEST(access_stats.last_read_at, EXCLUDED.last_read_at),
       reads_30d = EXCLUDED.reads_30d, reads_90d = EXCLUDED.reads_90d, updated_at = EXCLUDED.updated_at`,
    [reads.map((r) => r.identityKey), reads.map((r) => r.secretKey), utcDay(now), now.toISOString()],
  );
}

/** The daily pass: every pair's windows moved by a day. Returns how many pairs changed. */
export async function refreshAccessStats(client: pg.ClientBase, now: Date): Promise<number> {
  const today = utcDay(now);
  const { rowCount } = await client.query(
    `UPDATE access_stats a SET reads_30d = x.r30, reads_90d = x.r90, updated_at = $2::timestamptz
     FROM (
       SELECT s.identity_key, s.secret_key,
         COALESCE(sum(r.reads) FILTER (WHERE r.day > $1::date - 30), 0)::int AS r30,
         COALESCE(sum(r.reads), 0)::int AS r90
       FROM access_stats s
       LEFT JOIN access_daily_reads r ON r.identity_key = s.identity_key AND r.secret_key = s.secret_key AND r.day > $1::date - ${STATS_WINDOW_DAYS}
       GROUP BY s.identity_key, s.secret_key
     ) x
     WHERE a.identity_key = x.identity_key AND a.secret_key = x.secret_key AND (a.reads_30d <> x.r30 OR a.reads_90d <> x.r90)`,
    [today, now.toISOString()],
  );
  await client.query(`DELETE FROM access_daily_reads WHERE day <= $1::date - ${STATS_WINDOW_DAYS}`, [today]);
  return rowCount ?? 0;
}
