// No "server-only": the ingestion and the instrumentation scheduler import this outside the react-server build.
import { ConfigError, envSchema } from "@/lib/config-schema";
import type { Severity } from "./catalog";

/** Every threshold of the detection rules and the webhook, from the environment (README "Detection"). */
export interface DetectionSettings {
  /** Alerts are deduplicated per rule + subject + window of this length (aligned to the epoch). */
  dedupWindowSeconds: number;
  authFailures: { threshold: number; windowSeconds: number };
  businessHours: { timeZone: string; startMinute: number; endMinute: number; isoDays: number[] };
  productionPathPattern: string;
  knownServiceCidrs: string[];
  bulkReads: { minimum: number; factor: number; windowSeconds: number; baselineWindows: number };
  webhook: { url: string | null; minSeverity: Severity; maxAttempts: number; backoffSeconds: number };
  portalUrl: string;
  intervalMinutes: number;
}

const detectionEnvSchema = envSchema.pick({
  NEXTAUTH_URL: true,
  DETECTION_INTERVAL_MINUTES: true,
  DETECTION_DEDUP_WINDOW_MINUTES: true,
  DETECTION_AUTH_FAILURE_THRESHOLD: true,
  DETECTION_AUTH_FAILURE_WINDOW_SECONDS: true,
  BUSINESS_HOURS: true,
  BUSINESS_TIMEZONE: true,
  BUSINESS_DAYS: true,
  DETECTION_PRODUCTION_PATH_PATTERN: true,
  KNOWN_SERVICE_CIDRS: true,
  DETECTION_BULK_READ_MIN: true,
  DETECTION_BULK_READ_FACTOR: true,
  DETECTION_BULK_READ_WINDOW_MINUTES: true,
  DETECTION_BULK_READ_BASELINE_WINDOWS: true,
  ALERT_WEBHOOK_URL: true,
  ALERT_WEBHOOK_MIN_SEVERITY: true,
  ALERT_WEBHOOK_MAX_ATTEMPTS: true,
  ALERT_WEBHOOK_BACKOFF_SECONDS: true,
});

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** "Mon-Fri,Sun" -> ISO day numbers [1,2,3,4,5,7]; ranges may wrap ("Fri-Mon"). */
export function parseBusinessDays(value: string): number[] {
  const days = new Set<number>();
  for (const part of value.split(",").map((p) => p.trim()).filter(Boolean)) {
    const [a, b] = part.split("-").map((d) => DAYS.indexOf(d.trim()));
    if (a === undefined || a < 0 || (b !== undefined && b < 0)) throw new Error(`unknown day in "${part}"`);
    for (let d = a; ; d = (d + 1) % 7) {
      days.add(d + 1);
      if (b === undefined || d === b) break;
    }
  }
  return [...days].sort((x, y) => x - y);
}

/** "09:00-18:00" -> minutes since local midnight; an end before the start spans midnight. */
export function parseBusinessHours(value: string): { startMinute: number; endMinute: number } {
  const [start, end] = value.split("-").map((t) => {
    const [h, m] = t.split(":").map(Number);
    return h! * 60 + m!;
  });
  return { startMinute: start!, endMinute: end! };
}

export function detectionSettingsFromEnv(env: Record<string, string | undefined> = process.env): DetectionSettings {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = detectionEnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => ({ variable: String(i.path[0] ?? "(environment)"), message: i.message })));
  }
  const e = parsed.data;
  return {
    dedupWindowSeconds: e.DETECTION_DEDUP_WINDOW_MINUTES * 60,
    authFailures: { threshold: e.DETECTION_AUTH_FAILURE_THRESHOLD, windowSeconds: e.DETECTION_AUTH_FAILURE_WINDOW_SECONDS },
    businessHours: { timeZone: e.BUSINESS_TIMEZONE, ...parseBusinessHours(e.BUSINESS_HOURS), isoDays: parseBusinessDays(e.BUSINESS_DAYS) },
    productionPathPattern: e.DETECTION_PRODUCTION_PATH_PATTERN,
    knownServiceCidrs: e.KNOWN_SERVICE_CIDRS,
    bulkReads: { minimum: e.DETECTION_BULK_READ_MIN, factor: e.DETECTION_BULK_READ_FACTOR, windowSeconds: e.DETECTION_BULK_READ_WINDOW_MINUTES * 60, baselineWindows: e.DETECTION_BULK_READ_BASELINE_WINDOWS },
    webhook: { url: e.ALERT_WEBHOOK_URL ?? null, minSeverity: e.ALERT_WEBHOOK_MIN_SEVERITY, maxAttempts: e.ALERT_WEBHOOK_MAX_ATTEMPTS, backoffSeconds: e.ALERT_WEBHOOK_BACKOFF_SECONDS },
    portalUrl: e.NEXTAUTH_URL.replace(/\/+$/, ""),
    intervalMinutes: e.DETECTION_INTERVAL_MINUTES,
  };
}
