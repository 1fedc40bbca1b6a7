import type { CertificateListParams, LeaseListParams } from "@/lib/health/schemas";

/** The URL state of the current table (defaults dropped), so links keep filters and sort. */
export function currentParams(view: "leases" | "certificates", p: LeaseListParams | CertificateListParams): Record<string, string | number | undefined> {
  return {
    view: view === "leases" ? undefined : view,
    q: p.q, mount: p.mount, role: p.role, team: p.team, environment: p.environment, status: p.status, days: p.days,
    sort: p.sort === "expires" ? undefined : p.sort, dir: p.dir, pageSize: p.pageSize === 50 ? undefined : p.pageSize, page: p.page === 1 ? undefined : p.page,
  };
}
