/**
 * Exposure score weights, one row per term, so the UI can show how a score is made. Per-unit terms
 * give `perUnit` points per item up to `max`; the maxima add up to exactly 100, so the score needs
 * no rescaling (it is still capped at 100 defensively).
 */
export const EXPOSURE_WEIGHTS = {
  humanReaders: { perUnit: 4, max: 16, label: "human readers (identity groups, OIDC)", why: "a group is many people, each one phishable; humans weigh most" },
  ciReaders: { perUnit: 2, max: 8, label: "CI readers (JWT roles)", why: "pipelines run third-party code and leak into logs" },
  workloadReaders: { perUnit: 1, max: 8, label: "workload readers (Kubernetes, AppRole, tokens)", why: "machine identities bound to one service" },
  wildcardGrants: { perUnit: 1, max: 8, label: "wildcard grants", why: "read granted by a rule ending in * or holding +: reach grows with every new secret" },
  environment: { prod: 10, staging: 3, other: 0, max: 10, label: "environment", why: "production values guard real data and money" },
  classification: { restricted: 10, confidential: 6, other: 0, max: 10, label: "classification", why: "declared sensitivity of the value" },
  ghostReaders: { perUnit: 5, max: 10, label: "ghost readers", why: "read the value in the past, no access now: the value is still exposed" },
  unusedGrants: { perUnit: 1, max: 5, label: "unused grants", why: "can read, never read in 90 days: needless exposure" },
  rotationAge: { stale: 8, veryStale: 12, max: 12, label: "age since rotation", why: "stale: older than its rotation period (90 days when none); very stale: over twice that" },
  propagation: { overFiveMinutes: 2, overOneHour: 5, max: 5, label: "propagation time", why: "a slow rotation keeps a leaked value usable longer" },
  restartBound: { perUnit: 2, max: 8, label: "restart-bound consumers", why: "rotation breaks them until restarted, so rotation gets postponed" },
} as const;

export type ExposureTerm = keyof typeof EXPOSURE_WEIGHTS;

/** Rotation period assumed when a secret declares none (DESIGN.md "stale secrets"). */
export const DEFAULT_ROTATION_PERIOD_SECONDS = 90 * 86_400;
