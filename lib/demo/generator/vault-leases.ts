import type { VaultLease } from "../vault-world";
import { DB_MOUNT, type CompanyModel } from "./company";
import { leaseSuffix } from "./ids";
import type { Rng } from "./prng";

export interface LeaseFacts {
  leases: VaultLease[];
  /** Expired without renewal while the consuming agent still holds them (DESIGN: renewal failure). */
  renewalFailures: string[];
  /** Expire within one hour of `now`. */
  expiringSoon: string[];
}

const HOUR = 3_600_000;

/**
 * Leases of the dynamic credentials. The first ones are planted on the first service's production role,
 * whose Vault Agent consumes them: three renewal failures, then five that expire within the hour.
 */
export function buildLeases(rng: Rng, company: CompanyModel, count: number, now: Date): LeaseFacts {
  const t = now.getTime();
  const iso = (ms: number): string => new Date(ms).toISOString();
  const roles = [
    ...company.services.filter((s) => s.hasDatabase).flatMap((s) => [`${DB_MOUNT.prod}/creds/${s.name}`, `${DB_MOUNT.nonprod}/creds/${s.name}`]),
    ...company.teams.map((tm) => `aws/creds/deploy-${tm.name}`),
  ];
  const planted = `${DB_MOUNT.prod}/creds/${company.services[0]?.name}`;
  const leases: VaultLease[] = [];
  const renewalFailures: string[] = [];
  const expiringSoon: string[] = [];
  for (let i = 0; i < count; i++) {
    const prefix = i < 8 ? planted : (roles[i % roles.length] as string);
    const id = `${prefix}/${leaseSuffix(rng)}`;
    const ttl = prefix.startsWith("aws/") ? HOUR / 4 : 24 * HOUR;
    let issue: number, expire: number, lastRenewal: number | null = null;
    if (i < 3) {
      issue = t - 30 * HOUR - i * HOUR;
      lastRenewal = issue + 6 * HOUR;
      expire = t - (20 + 15 * i) * 60_000;
      renewalFailures.push(id);
    } else if (i < 8) {
      expire = t + (5 + 10 * (i - 3)) * 60_000;
      issue = expire - ttl;
      expiringSoon.push(id);
    } else {
      // Healthy: at least 70 minutes left, so none of them counts as expiring soon.
      issue = t - rng.int(0, Math.floor(ttl - 70 * 60_000));
      expire = issue + ttl;
      if (rng.chance(0.3)) lastRenewal = issue + Math.floor((t - issue) / 2);
    }
    leases.push({ id, issueTime: iso(issue), expireTime: iso(expire), lastRenewal: lastRenewal === null ? null : iso(lastRenewal), renewable: true });
  }
  return { leases, renewalFailures, expiringSoon };
}
