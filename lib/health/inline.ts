import "server-only";
import { db } from "@/lib/db/client";
import type { DbClient } from "@/lib/db/create-client";
import type { InlineHealth } from "./inline-types";
import { healthForSecret, healthForWorkload } from "./service";

/**
 * Drop-in status for the secret and workload pages (render with components/health/health-inline).
 * The calling page has already checked its own permission (secrets.read / workloads.read);
 * lease and certificate status is readable by every role (health.read is ALL).
 */
export function getHealthForSecret(secretKey: string, options: { db?: DbClient; now?: Date } = {}): Promise<InlineHealth> {
  return healthForSecret({ db: options.db ?? db, now: options.now }, secretKey);
}

export function getHealthForWorkload(workloadKey: string, options: { db?: DbClient; now?: Date } = {}): Promise<InlineHealth> {
  return healthForWorkload({ db: options.db ?? db, now: options.now }, workloadKey);
}
