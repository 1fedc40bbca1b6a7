/** Key figures of the dashboard, aggregated on the server (plain and small; safe anywhere). */
export interface DashboardFigures {
  snapshot: { id: string } | null;
  now: string;
  secrets: {
    total: number;
    withOwner: number;
    rotatedWithinPeriod: number;
    /** Static secrets only: dynamic ones are issued per lease and count as rotated. */
    staleStatic: number;
    byEnvironmentEngine: { environment: string; engine: string; count: number }[];
  };
  certificates: { total: number; expired: number; within7d: number; within30d: number; revoked: number };
  alerts: { open: number; byRule: { rule: string; open: number }[] };
  /** Exposure score histogram: ten buckets of ten points (0-9, ..., 90-100). */
  exposure: { bucket: string; count: number }[];
}

/** One point of the trend (checklist_daily_history). */
export interface HistoryPoint {
  day: string;
  pass: number;
  fail: number;
  unknown: number;
  ownerShare: number | null;
  rotatedShare: number | null;
  openAlerts: number | null;
}

export function share(part: number, total: number): number | null {
  return total > 0 ? Math.round((part / total) * 1000) / 10 : null;
}
