/**
 * Evidence from the audit log (DESIGN.md "Evidence from the audit log"): what turns "can read" into
 * "does read", per secret, from its grants and its access_stats rows. Pure; lib/inventory loads the
 * rows. A reader is one identity holding read (directly or through a group); ghosts are identities
 * that read the value in the past and hold no read (nor root/sudo) on it now.
 */
import { DEFAULT_ROTATION_PERIOD_SECONDS } from "./exposure-weights";
import type { ExposureEvidence } from "./score-exposure";

export const UNUSED_AFTER_DAYS = 90;
export const TOP_READERS = 5;
const DAY_MS = 86_400_000;

export interface AccessStatInput {
  identityKey: string;
  lastReadAt: Date | null;
  reads30d: number;
  reads90d: number;
}

export interface ReaderEvidence {
  identityKey: string;
  lastReadAt: string | null;
  reads30d: number;
  reads90d: number;
}

export interface SecretEvidence {
  /** Identity keys that can read and did not in 90 days (revocation candidates). */
  unusedGrants: string[];
  /** Read it in the past, no access now: the value is still exposed (rotate it). */
  ghostReaders: ReaderEvidence[];
  /** Readers by reads in 90 days, most first. */
  topReaders: ReaderEvidence[];
  lastReadAt: string | null;
}

const view = (s: AccessStatInput): ReaderEvidence => ({ identityKey: s.identityKey, lastReadAt: s.lastReadAt?.toISOString() ?? null, reads30d: s.reads30d, reads90d: s.reads90d });

/** `readers`: identities that can read the value now; `privileged`: root/sudo holders (not ghosts either). */
export function computeSecretEvidence(input: { readers: readonly string[]; privileged?: readonly string[]; stats: readonly AccessStatInput[]; now: Date }): SecretEvidence {
  const statBy = new Map(input.stats.map((s) => [s.identityKey, s]));
  const canRead = new Set([...input.readers, ...(input.privileged ?? [])]);
  const since = input.now.getTime() - UNUSED_AFTER_DAYS * DAY_MS;
  const usedRecently = (s: AccessStatInput | undefined) => s !== undefined && (s.reads90d > 0 || (s.lastReadAt !== null && s.lastReadAt.getTime() >= since));
  const unusedGrants = [...new Set(input.readers)].filter((k) => !usedRecently(statBy.get(k))).sort();
  const ghostReaders = input.stats.filter((s) => s.lastReadAt !== null && !canRead.has(s.identityKey)).map(view).sort((a, b) => (b.lastReadAt ?? "").localeCompare(a.lastReadAt ?? ""));
  const topReaders = input.stats.filter((s) => s.reads90d > 0 && canRead.has(s.identityKey)).map(view)
    .sort((a, b) => b.reads90d - a.reads90d || a.identityKey.localeCompare(b.identityKey)).slice(0, TOP_READERS);
  const last = input.stats.reduce<Date | null>((m, s) => (s.lastReadAt && (!m || s.lastReadAt > m) ? s.lastReadAt : m), null);
  return { unusedGrants, ghostReaders, topReaders, lastReadAt: last?.toISOString() ?? null };
}

export function toExposureEvidence(e: SecretEvidence): ExposureEvidence {
  return { ghostReaders: e.ghostReaders.length, unusedGrants: e.unusedGrants.length, lastReadAt: e.lastReadAt };
}

export interface StaleVerdict {
  stale: boolean;
  /** Rotation period applied, seconds (the secret's own, or 90 days when it declares none). */
  periodSeconds: number;
  ageSeconds: number | null;
}

/** Not rotated within its rotation period (90 days when none is set). Dynamic secrets never are. */
export function staleVerdict(secret: { lifecycle: string; rotationPeriodSeconds: number | null; lastRotatedAt: string | null; createdTime: string | null }, now: Date): StaleVerdict {
  const periodSeconds = secret.rotationPeriodSeconds ?? DEFAULT_ROTATION_PERIOD_SECONDS;
  if (secret.lifecycle === "dynamic") return { stale: false, periodSeconds, ageSeconds: null };
  const since = secret.lastRotatedAt ?? secret.createdTime;
  if (!since) return { stale: true, periodSeconds, ageSeconds: null };
  const ageSeconds = Math.max(0, Math.round((now.getTime() - Date.parse(since)) / 1000));
  return { stale: ageSeconds > periodSeconds, periodSeconds, ageSeconds };
}
