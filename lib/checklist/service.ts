// No "server-only": recordDailyHistory runs from instrumentation.ts (history-scheduler.ts), which
// Next.js compiles outside the react-server build where that package throws. Server code only.
import { assertCan, nowOf, type ChecklistContext } from "./context";
import type { DashboardFigures, HistoryPoint } from "./figure-types";
import { aggregateCertificates, aggregateOpenAlerts, aggregateSecrets, findHistory } from "./figures-repository";
import { gatherChecklistFacts } from "./gather-facts";
import { findActiveSnapshot } from "./repository";
import { scoreChecklist } from "./score-checklist";
import type { ChecklistReport } from "./types";

/** The ten items scored from live evidence (checklist.read). */
export async function getChecklist(ctx: ChecklistContext): Promise<ChecklistReport> {
  assertCan(ctx, "checklist.read");
  return scoreChecklist(await gatherChecklistFacts(ctx));
}

/** Key figures for the dashboard charts (dashboard.read), aggregated in SQL. */
export async function getDashboardFigures(ctx: ChecklistContext): Promise<DashboardFigures> {
  assertCan(ctx, "dashboard.read");
  const now = nowOf(ctx);
  const active = await findActiveSnapshot(ctx.db);
  const alerts = await aggregateOpenAlerts(ctx.db);
  const alertFigures = { open: alerts.reduce((n, r) => n + r.open, 0), byRule: alerts };
  const emptyExposure = Array.from({ length: 10 }, (_, i) => ({ bucket: i === 9 ? "90-100" : `${i * 10}-${i * 10 + 9}`, count: 0 }));
  if (!active) {
    return {
      snapshot: null, now: now.toISOString(), alerts: alertFigures, exposure: emptyExposure,
      secrets: { total: 0, withOwner: 0, rotatedWithinPeriod: 0, staleStatic: 0, byEnvironmentEngine: [] },
      certificates: { total: 0, expired: 0, within7d: 0, within30d: 0, revoked: 0 },
    };
  }
  const [secrets, certs] = await Promise.all([aggregateSecrets(ctx.db, active.snapshot_id, now), aggregateCertificates(ctx.db, active.snapshot_id, now)]);
  for (const b of secrets.exposure) emptyExposure[b.bucket]!.count = b.count;
  return {
    snapshot: { id: active.snapshot_id }, now: now.toISOString(), alerts: alertFigures, exposure: emptyExposure,
    secrets: {
      total: secrets.totals.total, withOwner: secrets.totals.with_owner, rotatedWithinPeriod: secrets.totals.rotated,
      staleStatic: secrets.totals.stale_static, byEnvironmentEngine: secrets.byEnvEngine,
    },
    certificates: { total: certs.total, expired: certs.expired, within7d: certs.d7, within30d: certs.d30, revoked: certs.revoked },
  };
}

/** The daily trend, oldest first (dashboard.read). */
export async function getChecklistHistory(ctx: ChecklistContext, days = 90): Promise<HistoryPoint[]> {
  assertCan(ctx, "dashboard.read");
  const rows = await findHistory(ctx.db, new Date(nowOf(ctx).getTime() - days * 86_400_000));
  return rows.map((r) => {
    const f = (r.figures ?? {}) as Partial<Record<"ownerShare" | "rotatedShare" | "openAlerts", number | null>>;
    return { day: r.day.toISOString().slice(0, 10), pass: r.pass, fail: r.fail, unknown: r.unknown, ownerShare: f.ownerShare ?? null, rotatedShare: f.rotatedShare ?? null, openAlerts: f.openAlerts ?? null };
  });
}
