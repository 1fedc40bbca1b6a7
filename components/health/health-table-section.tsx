import { FilterForm } from "@/components/inventory/filter-form";
import { Card } from "@/components/ui/card";
import { CERTIFICATE_STATUSES, LEASE_STATUSES } from "@/lib/health/schemas";
import type { HealthTable } from "@/lib/health/page-data";
import type { HealthOverview } from "@/lib/health/types";
import { CertificatesTable } from "./certificates-table";
import { LeasesTable } from "./leases-table";
import { ViewTabs } from "./view-tabs";


const DAYS = [0, 1, 7, 30, 90].map((n) => ({ value: String(n), label: n === 0 ? "already expired" : `within ${n} d` }));

/** Tabs, filters (a plain GET form: the URL is the state) and the table of the current view. */
export function HealthTableSection({ table, facets, counts, now }: { table: HealthTable; facets: HealthOverview["facets"]; counts: Record<"leases" | "certificates", number>; now: string }) {
  const p = table.params;
  const opts = (values: readonly string[]) => values.map((value) => ({ value }));
  const field = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";
  return (
    <Card>
      <ViewTabs view={table.view} counts={counts} />
      <FilterForm
        action="/health"
        q={p.q}
        placeholder={table.view === "leases" ? "Lease id, e.g. database-prod/creds/payments" : "Common name, SAN or serial"}
        selects={[
          { name: "mount", label: "Mount", value: p.mount, options: opts(table.view === "leases" ? facets.mounts : facets.certMounts) },
          ...(table.view === "certificates" ? [{ name: "role", label: "Role", value: p.role, options: opts(facets.certRoles) }] : []),
          { name: "team", label: "Team", value: p.team, options: opts(facets.teams) },
          { name: "environment", label: "Environment", value: p.environment, options: opts(facets.environments) },
          { name: "status", label: "Status", value: p.status, options: opts(table.view === "leases" ? LEASE_STATUSES : CERTIFICATE_STATUSES) },
          { name: "days", label: "Expires", value: p.days?.toString(), options: DAYS },
        ]}
        // Lease roles run into thousands: a text field, not a select that would bloat the page.
        extra={table.view === "leases" ? (
          <label className="flex flex-col text-xs text-slate-500">Role<input name="role" defaultValue={p.role ?? ""} placeholder="e.g. payments-api" className={`${field} mt-0.5 w-40 text-slate-900`} /></label>
        ) : null}
        hidden={{ view: table.view === "leases" ? undefined : table.view, sort: p.sort === "expires" ? undefined : p.sort, dir: p.dir, pageSize: p.pageSize === 50 ? undefined : p.pageSize }}
      />
      {table.view === "leases" ? <LeasesTable list={table.list} params={table.params} now={now} /> : <CertificatesTable list={table.list} params={table.params} now={now} />}
    </Card>
  );
}
