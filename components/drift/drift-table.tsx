import Link from "next/link";
import { sortHeader } from "@/components/inventory/list-header";
import { DataTable, DataTableEmpty } from "@/components/ui/data-table";
import { DataTablePagination } from "@/components/ui/data-table-pagination";
import { DRIFT_KIND_LABEL } from "@/lib/drift/schemas";
import type { DriftList, DriftRow } from "@/lib/drift/types";
import { policyHref, withParams } from "@/lib/inventory/urls";
import { CodifyPolicyAction } from "./codify-policy-action";
import { DriftStatusBadge } from "./drift-status-badge";

type Current = Record<string, string | number | undefined>;

function Resource({ row }: { row: DriftRow }) {
  const name = <span className="font-mono text-xs">{row.name}</span>;
  return (
    <>
      {row.kind === "policy" ? <Link href={policyHref(row.cluster, row.name)} className="text-brand-700 hover:underline">{name}</Link> : name}
      <div className="text-xs text-slate-500">{DRIFT_KIND_LABEL[row.kind]} · {row.cluster}</div>
    </>
  );
}

function Difference({ row }: { row: DriftRow }) {
  if (row.differences.length === 0) return <span className="text-slate-700">{row.explanation}</span>;
  return (
    <ul className="space-y-0.5">
      {row.differences.map((d) => <li key={d.field} className="text-slate-700"><span className="font-mono text-xs">{d.field}</span>: {d.text.slice(d.field.length + 2)}</li>)}
    </ul>
  );
}

function Terraform({ row }: { row: DriftRow }) {
  return (
    <>
      {row.terraform ? <span className="font-mono text-xs">{row.terraform.file}{row.terraform.line ? `:${row.terraform.line}` : ""}</span> : <span className="text-xs text-slate-500">not declared</span>}
      {row.terraform?.address ? <div className="font-mono text-xs text-slate-500">{row.terraform.address}</div> : null}
      {row.commit ? <div className="text-xs text-slate-500" title={row.commit}>commit <span className="font-mono">{row.commit.slice(0, 12)}</span></div> : null}
    </>
  );
}

export function DriftTable({ list, current }: { list: DriftList; current: Current }) {
  const h = (label: string, sort: string) => sortHeader("/drift", current, label, sort, "asc");
  return (
    <>
      <DataTable head={[h("Resource", "name"), h("Kind", "kind"), h("Status", "status"), { label: "Difference" }, h("Terraform", "file"), { label: "Action" }]}
        testId="drift-table" empty={list.rows.length === 0 ? <DataTableEmpty>No drifted resource matches these filters.</DataTableEmpty> : null}>
        {list.rows.map((row) => (
          <tr key={`${row.cluster}/${row.kind}/${row.name}`} className="align-top hover:bg-slate-50" data-kind={row.kind} data-name={row.name}>
            <td className="py-1.5 pr-4"><Resource row={row} /></td>
            <td className="py-1.5 pr-4 text-xs">{DRIFT_KIND_LABEL[row.kind]}</td>
            <td className="py-1.5 pr-4"><DriftStatusBadge status={row.status} /></td>
            <td className="max-w-xl py-1.5 pr-4"><Difference row={row} /></td>
            <td className="py-1.5 pr-4"><Terraform row={row} /></td>
            <td className="py-1.5 pr-4">{row.codifiable ? <CodifyPolicyAction cluster={row.cluster} policyName={row.name} /> : null}</td>
          </tr>
        ))}
      </DataTable>
      <DataTablePagination page={list.page} pageSize={list.pageSize} total={list.total} totalCapped={list.totalCapped} rowsOnPage={list.rows.length}
        hrefForPage={(page) => withParams("/drift", current, { page })} />
    </>
  );
}
