import "server-only";
import type { RawSearchParams } from "@/lib/inventory/search-params";
import { flattenSearchParams, parseLenient } from "@/lib/inventory/search-params";
import { nowOf, type HealthContext } from "./context";
import { certificateListSchema, leaseListSchema, type CertificateListParams, type HealthView, type LeaseListParams } from "./schemas";
import { getHealthOverview, listCertificates, listLeases } from "./service";
import type { CertificateRow, HealthOverview, LeaseRow, PageOf } from "./types";

export type HealthTable =
  | { view: "leases"; list: PageOf<LeaseRow>; params: LeaseListParams }
  | { view: "certificates"; list: PageOf<CertificateRow>; params: CertificateListParams };

export interface HealthPageData {
  overview: HealthOverview;
  /** null before the first sync. */
  table: HealthTable | null;
  notes: string[];
}

/**
 * Everything the /health first view needs, from the URL's search params: the aggregates and one
 * page of the selected table (the page and the bench call exactly this).
 */
export async function getHealthPageData(ctx: HealthContext, raw: RawSearchParams): Promise<HealthPageData> {
  const scoped = { ...ctx, now: nowOf(ctx) };
  const values = flattenSearchParams(raw);
  const view: HealthView = values.view === "certificates" ? "certificates" : "leases";
  const overviewPromise = getHealthOverview(scoped);
  if (view === "leases") {
    const { params, notes } = parseLenient(leaseListSchema, values);
    const [overview, list] = await Promise.all([overviewPromise, listLeases(scoped, params)]);
    return { overview, table: overview.snapshot ? { view, list, params } : null, notes };
  }
  const { params, notes } = parseLenient(certificateListSchema, values);
  const [overview, list] = await Promise.all([overviewPromise, listCertificates(scoped, params)]);
  return { overview, table: overview.snapshot ? { view, list, params } : null, notes };
}
