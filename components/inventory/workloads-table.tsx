import Link from "next/link";
import { DataTable, DataTableEmpty } from "@/components/ui/data-table";
import { DataTablePagination } from "@/components/ui/data-table-pagination";
import type { WorkloadList } from "@/lib/inventory/workload-types";
import { withParams, workloadHref } from "@/lib/inventory/urls";
import { sortHeader } from "./list-header";

type Current = Record<string, string | number | undefined>;

export function WorkloadsTable({ list, current }: { list: WorkloadList; current: Current }) {
  const h = (label: string, sort: string, dir: "asc" | "desc", align?: "right") => sortHeader("/workloads", current, label, sort, dir, align);
  return (
    <>
      <DataTable head={[h("Workload", "name", "asc"), h("Kind", "kind", "asc"), h("Namespace", "namespace", "asc"), h("Team", "team", "asc"), { label: "Reload" }, h("Secrets", "consumes", "desc", "right"), { label: "Dependents", align: "right" }]}
        testId="workloads-table" empty={list.rows.length === 0 ? <DataTableEmpty>No workload matches these filters.</DataTableEmpty> : null}>
        {list.rows.map((w) => (
          <tr key={w.key} className="hover:bg-slate-50">
            <td className="py-1.5 pr-4"><Link href={workloadHref(w.key)} className="text-brand-700 hover:underline">{w.name}</Link><div className="font-mono text-xs text-slate-500">{w.key}</div></td>
            <td className="py-1.5 pr-4">{w.kind}</td>
            <td className="py-1.5 pr-4">{w.namespace ?? "—"}</td>
            <td className="py-1.5 pr-4">{w.ownerTeam ?? "—"}</td>
            <td className={`py-1.5 pr-4 ${w.reload === "restart" ? "text-amber-700" : ""}`}>{w.reload ?? "—"}</td>
            <td className="py-1.5 pr-4 text-right tabular-nums">{w.consumes}</td>
            <td className="py-1.5 pr-4 text-right tabular-nums">{w.directDependents}</td>
          </tr>
        ))}
      </DataTable>
      <DataTablePagination page={list.page} pageSize={list.pageSize} total={list.total} totalCapped={list.totalCapped} rowsOnPage={list.rows.length}
        hrefForPage={(page) => withParams("/workloads", current, { page })} />
    </>
  );
}
