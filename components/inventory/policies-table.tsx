import Link from "next/link";
import { DataTable, DataTableEmpty } from "@/components/ui/data-table";
import { DataTablePagination } from "@/components/ui/data-table-pagination";
import type { PolicyList } from "@/lib/inventory/policy-types";
import { policyHref, withParams } from "@/lib/inventory/urls";
import { sortHeader } from "./list-header";

type Current = Record<string, string | number | undefined>;

function origin(p: PolicyList["rows"][number]): { text: string; cls: string } {
  if (p.live && p.terraform) return p.drift ? { text: "drift: live ≠ Terraform", cls: "text-amber-700" } : { text: "live = Terraform", cls: "text-slate-600" };
  return p.live ? { text: "live only (click-ops)", cls: "text-amber-700" } : { text: "Terraform only (not applied)", cls: "text-amber-700" };
}

export function PoliciesTable({ list, current }: { list: PolicyList; current: Current }) {
  const h = (label: string, sort: string, dir: "asc" | "desc", align?: "right") => sortHeader("/policies", current, label, sort, dir, align);
  return (
    <>
      <DataTable head={[h("Policy", "name", "asc"), h("Cluster", "cluster", "asc"), { label: "Origin" }, h("Rules", "rules", "desc", "right"), h("Carried by", "carriers", "desc", "right")]}
        testId="policies-table" empty={list.rows.length === 0 ? <DataTableEmpty>No policy matches these filters.</DataTableEmpty> : null}>
        {list.rows.map((p) => {
          const o = origin(p);
          return (
            <tr key={`${p.cluster}/${p.name}`} className="hover:bg-slate-50">
              <td className="py-1.5 pr-4"><Link href={policyHref(p.cluster, p.name)} className="font-mono text-xs text-brand-700 hover:underline">{p.name}</Link>
                {p.templated ? <span className="ml-2 text-xs text-slate-500">templated</span> : null}{p.parseError ? <span className="ml-2 text-xs text-red-700">parse error</span> : null}</td>
              <td className="py-1.5 pr-4">{p.cluster}</td>
              <td className={`py-1.5 pr-4 text-xs ${o.cls}`}>{o.text}</td>
              <td className="py-1.5 pr-4 text-right tabular-nums">{p.ruleCount}</td>
              <td className="py-1.5 pr-4 text-right tabular-nums">{p.carriers}</td>
            </tr>
          );
        })}
      </DataTable>
      <DataTablePagination page={list.page} pageSize={list.pageSize} total={list.total} totalCapped={list.totalCapped} rowsOnPage={list.rows.length}
        hrefForPage={(page) => withParams("/policies", current, { page })} />
    </>
  );
}
