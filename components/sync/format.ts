/** Small, deterministic formatters (UTC, no locale), identical on server and client render. */
export function formatTime(iso: string | null): string {
  return iso ? `${iso.replace("T", " ").slice(0, 19)} UTC` : "—";
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < 1_000) return `${ms} ms`;
  const s = Math.round(ms / 1_000);
  return s < 120 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

export function formatProgress(p: { phase: string; done: number; total: number } | null): string {
  if (!p) return "starting";
  return p.total > 0 ? `${p.phase} ${p.done.toLocaleString("en-US")} / ${p.total.toLocaleString("en-US")}` : p.phase;
}
