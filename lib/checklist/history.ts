// No "server-only": recordDailyHistory runs from instrumentation.ts (history-scheduler.ts), which
// Next.js compiles outside the react-server build where that package throws. Server code only.
import type { CurrentUser } from "@/lib/auth/user";
import type { DbClient } from "@/lib/db/create-client";
import type { ChecklistContext } from "./context";
import { share } from "./figure-types";
import { upsertDailyHistory } from "./figures-repository";
import { getChecklist, getDashboardFigures } from "./service";

// The history job acts as the system, with only the read permissions the dashboard needs.
const SYSTEM_USER: CurrentUser = { email: "system@radius", name: "Radius (daily history)", roles: ["compliance"] };

export interface RecordDailyHistoryOptions {
  now?: Date;
  vault?: ChecklistContext["vault"];
  workflows?: ChecklistContext["workflows"];
}

/**
 * Writes today's (UTC) checklist statuses and key figures to checklist_daily_history; run it
 * once a day (and safe to run more often: the day's row is replaced). Returns what it wrote.
 */
export async function recordDailyHistory(db: DbClient, options: RecordDailyHistoryOptions = {}) {
  const now = options.now ?? new Date();
  const ctx: ChecklistContext = { db, user: SYSTEM_USER, now: () => now, vault: options.vault ?? null, workflows: options.workflows ?? null };
  const [report, figures] = await Promise.all([getChecklist(ctx), getDashboardFigures(ctx)]);
  const row = {
    day: now.toISOString().slice(0, 10),
    ...report.counts,
    items: Object.fromEntries(report.items.map((i) => [i.id, i.status])),
    figures: {
      secrets: figures.secrets.total,
      ownerShare: share(figures.secrets.withOwner, figures.secrets.total),
      rotatedShare: share(figures.secrets.rotatedWithinPeriod, figures.secrets.total),
      openAlerts: figures.alerts.open,
      certificatesExpiring7d: figures.certificates.within7d,
    },
  };
  await upsertDailyHistory(db, row);
  return row;
}
