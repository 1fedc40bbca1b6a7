import { DataTable, DataTableEmpty, type HeaderCell } from "@/components/ui/data-table";
import { DataTablePagination } from "@/components/ui/data-table-pagination";
import type { LeaseListParams, LeaseSort } from "@/lib/health/schemas";
import type { LeaseRow, PageOf } from "@/lib/health/types";
import { withParams } from "@/lib/inventory/urls";
import { formatDateTime, formatRelative } from "./format";
import { ConsumersCell, SecretLink } from "./links";
import { StatusBadge } from "./status-badge";
import { currentParams } from "./table-params";

/** Server-rendered lease table: sorting and paging are links, so the URL is the state. */
export function LeasesTable({ list, params, now }: { list: PageOf<LeaseRow>; params: LeaseListParams; now: string }) {
  const current = currentParams("leases", params);
  const sortable = (label: string, sort: LeaseSort, align?: "right"): HeaderCell => {
    const active = params.sort === sort;
    const dir = active && (params.dir ?? "asc") === "asc" ? "desc" : "asc";
    return { label, align, sortHref: withParams("/health", current, { sort, dir }), sorted: active ? (params.dir ?? "asc") : undefined };
  };
  return (
    <>
      <DataTable
        testId="leases-table"
        head={[sortable("Lease", "lease"), sortable("Mount", "mount"), { label: "Status" }, sortable("Expires", "expires"), sortable("Last renewal", "renewed"), { label: "Secret" }, { label: "Consumers" }]}
        empty={list.rows.length === 0 ? <DataTableEmpty>No lease matches these filters.</DataTableEmpty> : null}
      >
        {list.rows.map((r) => (
          <tr key={`${r.cluster}:${r.leaseId}`} className="align-top">
            <td className="max-w-[22rem] py-1.5 pr-4"><div className="truncate font-mono text-xs" title={r.leaseId}>{r.leaseId}</div><div className="text-xs text-slate-500">{r.team ?? "no team"} · {r.environment ?? "no env"}</div></td>
            <td className="py-1.5 pr-4 text-xs"><div>{r.mount}</div><div className="text-slate-500">{r.role ?? "—"}</div></td>
            <td className="py-1.5 pr-4"><StatusBadge status={r.status} /></td>
            <td className="whitespace-nowrap py-1.5 pr-4 text-xs"><div>{formatRelative(r.expireTime, now)}</div><div className="text-slate-500">{formatDateTime(r.expireTime)}</div></td>
            <td className="whitespace-nowrap py-1.5 pr-4 text-xs">{formatDateTime(r.lastRenewalAt)}{r.renewable ? "" : <div className="text-slate-500">not renewable</div>}</td>
            <td className="py-1.5 pr-4"><SecretLink secretKey={r.secretKey} /></td>
            <td className="py-1.5 pr-4 text-xs"><ConsumersCell consumers={r.consumers} count={r.consumerCount} /></td>
          </tr>
        ))}
      </DataTable>
      <DataTablePagination page={list.page} pageSize={list.pageSize} total={list.total} totalCapped={list.totalCapped} rowsOnPage={list.rows.length} hrefForPage={(page) => withParams("/health", current, { page })} />
    </>
  );
}
