import "server-only";
import { getActiveSnapshotId } from "@/lib/db/snapshots";
import { findCertificatePage, iterateCertificates } from "./certificate-repository";
import { assertCanReadHealth, nowOf, type HealthContext } from "./context";
import { EMPTY_INLINE_HEALTH, type InlineHealth } from "./inline-types";
import { findInlineHealth, secretScope, workloadScope } from "./inline-repository";
import { findLeasePage, iterateLeases } from "./lease-repository";
import { aggregateHealthCached } from "./overview-cache";
import type { CertificateListParams, LeaseListParams } from "./schemas";
import type { CertificateRow, HealthOverview, LeaseRow, PageOf } from "./types";

// Use cases of the health page. Each resolves the active snapshot once, so one answer never
// mixes two syncs, and returns null/empty before the first sync.

export async function getHealthOverview(ctx: HealthContext): Promise<HealthOverview> {
  assertCanReadHealth(ctx);
  const now = nowOf(ctx);
  const snapshot = await getActiveSnapshotId(ctx.db);
  if (!snapshot) return { snapshot: null, now: now.toISOString(), ...emptyAggregates() };
  return { snapshot, now: now.toISOString(), ...(await aggregateHealthCached(ctx.db, snapshot, now, { bypass: ctx.noCache })) };
}

export async function listLeases(ctx: HealthContext, params: LeaseListParams): Promise<PageOf<LeaseRow> & { snapshot: string | null }> {
  assertCanReadHealth(ctx);
  const snapshot = await getActiveSnapshotId(ctx.db);
  if (!snapshot) return { snapshot, rows: [], total: 0, totalCapped: false, page: params.page, pageSize: params.pageSize };
  return { snapshot, ...(await findLeasePage(ctx.db, snapshot, params, nowOf(ctx))) };
}

export async function listCertificates(ctx: HealthContext, params: CertificateListParams): Promise<PageOf<CertificateRow> & { snapshot: string | null }> {
  assertCanReadHealth(ctx);
  const snapshot = await getActiveSnapshotId(ctx.db);
  if (!snapshot) return { snapshot, rows: [], total: 0, totalCapped: false, page: params.page, pageSize: params.pageSize };
  return { snapshot, ...(await findCertificatePage(ctx.db, snapshot, params, nowOf(ctx))) };
}

/** CSV exports: permission checked up front (a 403, not a cut-off stream), rows in batches. */
export async function openLeaseExport(ctx: HealthContext, params: LeaseListParams): Promise<AsyncIterable<LeaseRow[]>> {
  assertCanReadHealth(ctx);
  const snapshot = await getActiveSnapshotId(ctx.db);
  return snapshot ? iterateLeases(ctx.db, snapshot, params, nowOf(ctx)) : empty<LeaseRow>();
}

export async function openCertificateExport(ctx: HealthContext, params: CertificateListParams): Promise<AsyncIterable<CertificateRow[]>> {
  assertCanReadHealth(ctx);
  const snapshot = await getActiveSnapshotId(ctx.db);
  return snapshot ? iterateCertificates(ctx.db, snapshot, params, nowOf(ctx)) : empty<CertificateRow>();
}

/** Inline status for a secret page (no permission of its own: the caller's page already checked secrets.read). */
export async function healthForSecret(ctx: Pick<HealthContext, "db" | "now">, secretKey: string): Promise<InlineHealth> {
  const snapshot = await getActiveSnapshotId(ctx.db);
  return snapshot ? findInlineHealth(ctx.db, snapshot, secretScope(snapshot, secretKey), nowOf(ctx)) : EMPTY_INLINE_HEALTH;
}

export async function healthForWorkload(ctx: Pick<HealthContext, "db" | "now">, workloadKey: string): Promise<InlineHealth> {
  const snapshot = await getActiveSnapshotId(ctx.db);
  return snapshot ? findInlineHealth(ctx.db, snapshot, workloadScope(snapshot, workloadKey), nowOf(ctx)) : EMPTY_INLINE_HEALTH;
}

async function* empty<T>(): AsyncGenerator<T[]> {}

function emptyAggregates(): Omit<HealthOverview, "snapshot" | "now"> {
  return {
    leases: { total: 0, expired: 0, renewalFailures: 0, orphaned: 0, expiringWithin1h: 0, expiringWithin24h: 0, byHour: [], byDay: [], ttlByMount: [], ttlByRole: [], failures: [] },
    certificates: { total: 0, expiringWithin7d: 0, expired: 0, revoked: 0, weak: 0, byWeek: [], expiring: [], weakKeys: [], issuers: [] },
    facets: { mounts: [], teams: [], environments: [], certMounts: [], certRoles: [] },
  };
}
