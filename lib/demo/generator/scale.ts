import type { DemoCounts } from "./types";

/**
 * Sizes from a scale factor. Services grow sub-linearly (s^0.8) so that at scale 250 the world has
 * 100,000 secrets, about 3,300 services, 10,000 identities, 6,000+ policies and 20,000 workloads,
 * which is the benchmark target of DESIGN.md, without a policy per secret.
 */
export function deriveCounts(scale: number, explicit: Partial<DemoCounts> = {}): DemoCounts {
  if (!(scale > 0)) throw new Error(`scale must be > 0, got ${scale}`);
  const services = explicit.services ?? Math.max(3, Math.round(40 * scale ** 0.8));
  const teams = explicit.teams ?? Math.max(2, Math.min(Math.round(12 * Math.sqrt(scale)), Math.ceil(services / 2)));
  if (explicit.secrets !== undefined && explicit.secrets < services * 3) {
    throw new Error(`counts.secrets must be at least 3 per service (${services * 3}): every service has secrets in dev, staging and prod`);
  }
  return {
    teams,
    services,
    secrets: explicit.secrets ?? Math.max(services * 3, Math.round(400 * scale)),
    certificates: explicit.certificates ?? Math.max(12, Math.round(80 * scale)),
    leases: explicit.leases ?? Math.max(20, Math.round(400 * scale)),
    auditSessions: explicit.auditSessions ?? Math.min(4_000, Math.max(60, Math.round(500 * Math.sqrt(scale)))),
  };
}
