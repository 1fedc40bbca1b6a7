import Link from "next/link";
import { DataTable, DataTableEmpty, type HeaderCell } from "@/components/ui/data-table";
import { DataTablePagination } from "@/components/ui/data-table-pagination";
import type { AlertList } from "@/lib/detection/views";
import { AlertStatusBadge, SeverityBadge } from "./badges";

const when = (iso: string) => iso.replace("T", " ").slice(0, 16) + " UTC";

export interface AlertSortLinks {
  hrefFor: (sort: string) => string;
  sorted: { sort: string; dir: "asc" | "desc" };
  hrefForPage: (page: number) => string;
}

/** The alert list: server-rendered, sort and page in the URL. */
export function AlertsTable({ list, links, filtered }: { list: AlertList; links: AlertSortLinks; filtered: boolean }) {
  const col = (label: string, sort?: string, align?: "right"): HeaderCell => ({
    label, align, sortHref: sort ? links.hrefFor(sort) : undefined, sorted: sort && links.sorted.sort === sort ? links.sorted.dir : undefined,
  });
  return (
    <>
      <DataTable
        testId="alerts-table"
        head={[col("Severity", "severity"), col("Rule", "rule"), col("Subject"), col("Status", "status"), col("Events", "count", "right"), col("First seen", "firstSeen"), col("Last seen", "lastSeen"), col("Assignee")]}
        empty={list.rows.length === 0 ? <DataTableEmpty>{filtered ? "No alert matches these filters." : "No alerts: nothing in the audit log or the health checks has fired."}</DataTableEmpty> : null}
      >
        {list.rows.map((a) => (
          <tr key={a.id} data-testid="alert-row" data-rule={a.rule} className="align-top">
            <td className="py-2 pr-4"><SeverityBadge severity={a.severity} /></td>
            <td className="py-2 pr-4 whitespace-nowrap text-slate-700">{a.ruleLabel}</td>
            <td className="py-2 pr-4">
              <Link href={`/alerts/${a.id}`} className="font-medium text-brand-700 hover:underline break-all">{a.subject}</Link>
              <p className="mt-0.5 max-w-xl text-xs text-slate-500">{a.summary}</p>
            </td>
            <td className="py-2 pr-4"><AlertStatusBadge status={a.status} /></td>
            <td className="py-2 pr-4 text-right tabular-nums">{a.count.toLocaleString("en-US")}</td>
            <td className="py-2 pr-4 whitespace-nowrap text-slate-600">{when(a.firstSeen)}</td>
            <td className="py-2 pr-4 whitespace-nowrap text-slate-600">{when(a.lastSeen)}</td>
            <td className="py-2 pr-4 text-slate-600">{a.assignee ?? "—"}</td>
          </tr>
        ))}
      </DataTable>
      <DataTablePagination page={list.page} pageSize={list.pageSize} total={list.total} totalCapped={false} rowsOnPage={list.rows.length} hrefForPage={links.hrefForPage} />
    </>
  );
}
