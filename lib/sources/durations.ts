/**
 * Durations as the distribution plane writes them: Go `time.ParseDuration` / Kubernetes
 * metav1.Duration ("1h", "30m", "1h30m", "90s", "1.5h", "500ms"), plain seconds ("3600" or 3600,
 * as Terraform TTLs and Vault accept), and the "d" suffix that Vault's parseutil also accepts.
 * Negative values are rejected: no refresh interval or TTL is negative.
 */
export type DurationResult = { ok: true; seconds: number } | { ok: false; message: string };

const UNIT_SECONDS: Record<string, number> = {
  ns: 1e-9, us: 1e-6, "µs": 1e-6, "μs": 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600, d: 86400,
};
const PLAIN_NUMBER = /^\d+(\.\d+)?$/;
const TERM = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h|d)/y;

export function parseDuration(value: unknown): DurationResult {
  if (typeof value === "number") {
    return Number.isFinite(value) && value >= 0 ? { ok: true, seconds: value } : invalid(value);
  }
  if (typeof value !== "string") return invalid(value);
  const text = value.trim();
  if (text === "") return invalid(value);
  if (PLAIN_NUMBER.test(text)) return { ok: true, seconds: Number(text) };
  const body = text.startsWith("+") ? text.slice(1) : text;
  let seconds = 0;
  TERM.lastIndex = 0;
  let at = 0;
  while (at < body.length) {
    TERM.lastIndex = at;
    const match = TERM.exec(body);
    if (!match || match.index !== at) return invalid(value);
    seconds += Number(match[1]) * (UNIT_SECONDS[match[2] as string] ?? Number.NaN);
    at = TERM.lastIndex;
  }
  return Number.isFinite(seconds) ? { ok: true, seconds } : invalid(value);
}

/** Seconds, or null when absent or invalid; `onInvalid` receives the message so callers can locate it. */
export function durationSeconds(value: unknown, onInvalid?: (message: string) => void): number | null {
  if (value === undefined || value === null) return null;
  const result = parseDuration(value);
  if (result.ok) return result.seconds;
  onInvalid?.(result.message);
  return null;
}

function invalid(value: unknown): DurationResult {
  const shown = typeof value === "string" ? JSON.stringify(value.slice(0, 40)) : typeof value;
  return { ok: false, message: `invalid duration ${shown} (expected e.g. "90s", "30m", "1h30m" or seconds)` };
}
