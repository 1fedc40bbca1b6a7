/**
 * Deterministic formatting (UTC, fixed locale) so server HTML and client hydration agree.
 * Pure functions, safe on both sides.
 */
const pad = (n: number) => String(n).padStart(2, "0");
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function formatDateTime(iso: string | null): string {
  if (!iso) return "—";
  const d = new Date(iso);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

export function formatDay(iso: string): string {
  const d = new Date(iso);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

export function formatHour(iso: string): string {
  const d = new Date(iso);
  return `${formatDay(iso)} ${pad(d.getUTCHours())}:00`;
}

/** "in 3 d", "in 40 min", "2 h ago" relative to `now` (ISO, passed from the server). */
export function formatRelative(iso: string | null, now: string): string {
  if (!iso) return "never";
  const diff = Date.parse(iso) - Date.parse(now);
  const abs = Math.abs(diff);
  const text = abs < 3_600_000 ? `${Math.round(abs / 60_000)} min` : abs < 172_800_000 ? `${Math.round(abs / 3_600_000)} h` : `${Math.round(abs / 86_400_000)} d`;
  return diff >= 0 ? `in ${text}` : `${text} ago`;
}

export const formatCount = (n: number) => n.toLocaleString("en-US");
