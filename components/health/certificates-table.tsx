import { DataTable, DataTableEmpty, type HeaderCell } from "@/components/ui/data-table";
import { DataTablePagination } from "@/components/ui/data-table-pagination";
import type { CertificateListParams, CertificateSort } from "@/lib/health/schemas";
import type { CertificateRow, PageOf } from "@/lib/health/types";
import { withParams } from "@/lib/inventory/urls";
import { formatDateTime, formatRelative } from "./format";
import { ConsumersCell, SecretLink } from "./links";
import { StatusBadge } from "./status-badge";
import { currentParams } from "./table-params";

/** Server-rendered certificate table; revoked certificates carry their own status, weak keys a flag. */
export function CertificatesTable({ list, params, now }: { list: PageOf<CertificateRow>; params: CertificateListParams; now: string }) {
  const current = currentParams("certificates", params);
  const sortable = (label: string, sort: CertificateSort): HeaderCell => {
    const active = params.sort === sort;
    const dir = active && (params.dir ?? "asc") === "asc" ? "desc" : "asc";
    return { label, sortHref: withParams("/health", current, { sort, dir }), sorted: active ? (params.dir ?? "asc") : undefined };
  };
  return (
    <>
      <DataTable
        testId="certificates-table"
        head={[sortable("Common name", "name"), sortable("Mount", "mount"), sortable("Role", "role"), { label: "Status" }, sortable("Expires", "expires"), sortable("Key", "key"), { label: "Secret" }, { label: "Consumers" }]}
        empty={list.rows.length === 0 ? <DataTableEmpty>No certificate matches these filters.</DataTableEmpty> : null}
      >
        {list.rows.map((r) => (
          <tr key={`${r.cluster}:${r.mount}:${r.serial}`} className="align-top" data-status={r.status}>
            <td className="max-w-[22rem] py-1.5 pr-4"><div className="truncate font-medium" title={r.sans.join(", ")}>{r.commonName ?? "(no CN)"}</div><div className="truncate font-mono text-xs text-slate-500" title={r.serial}>{r.serial}</div></td>
            <td className="py-1.5 pr-4 font-mono text-xs">{r.cluster}:{r.mount}</td>
            <td className="py-1.5 pr-4 text-xs">{r.role ?? <span className="text-slate-400">unknown</span>}</td>
            <td className="py-1.5 pr-4"><span className="flex flex-wrap gap-1"><StatusBadge status={r.status} />{r.weak ? <StatusBadge status="weak-key" /> : null}</span></td>
            <td className="whitespace-nowrap py-1.5 pr-4 text-xs"><div>{r.revoked ? `revoked ${formatRelative(r.revokedAt, now)}` : formatRelative(r.notAfter, now)}</div><div className="text-slate-500">{formatDateTime(r.notAfter)}</div></td>
            <td className="whitespace-nowrap py-1.5 pr-4 text-xs">{r.keyType?.toUpperCase() ?? "?"} {r.keyBits ?? ""}</td>
            <td className="py-1.5 pr-4"><SecretLink secretKey={r.secretKey} /></td>
            <td className="py-1.5 pr-4 text-xs"><ConsumersCell consumers={r.consumers} count={r.consumerCount} /></td>
          </tr>
        ))}
      </DataTable>
      <DataTablePagination page={list.page} pageSize={list.pageSize} total={list.total} totalCapped={list.totalCapped} rowsOnPage={list.rows.length} hrefForPage={(page) => withParams("/health", current, { page })} />
    </>
  );
}
