import Link from "next/link";
import { DataTable, DataTableEmpty } from "@/components/ui/data-table";
import { DataTablePagination } from "@/components/ui/data-table-pagination";
import type { IdentityList } from "@/lib/inventory/identity-types";
import { identityHref, withParams } from "@/lib/inventory/urls";
import { sortHeader } from "./list-header";

type Current = Record<string, string | number | undefined>;

export function IdentitiesTable({ list, current }: { list: IdentityList; current: Current }) {
  const h = (label: string, sort: string, dir: "asc" | "desc", align?: "right") => sortHeader("/identities", current, label, sort, dir, align);
  return (
    <>
      <DataTable head={[h("Identity", "key", "asc"), h("Kind", "kind", "asc"), h("Auth mount", "mount", "asc"), h("Policies", "policies", "desc"), { label: "Can read", align: "right" }]}
        testId="identities-table" empty={list.rows.length === 0 ? <DataTableEmpty>No identity matches these filters.</DataTableEmpty> : null}>
        {list.rows.map((i) => (
          <tr key={i.key} className="hover:bg-slate-50">
            <td className="py-1.5 pr-4"><Link href={identityHref(i.key)} className="text-brand-700 hover:underline">{i.displayName ?? i.roleName}</Link><div className="font-mono text-xs text-slate-500">{i.key}</div></td>
            <td className="py-1.5 pr-4">{i.kind}</td>
            <td className="py-1.5 pr-4 font-mono text-xs">{i.authMount}</td>
            <td className="py-1.5 pr-4 font-mono text-xs">{i.policies.join(", ") || "—"}</td>
            <td className="py-1.5 pr-4 text-right tabular-nums">{i.readableSecrets > 10_000 ? "10,000+" : i.readableSecrets.toLocaleString("en-US")}</td>
          </tr>
        ))}
      </DataTable>
      <DataTablePagination page={list.page} pageSize={list.pageSize} total={list.total} totalCapped={list.totalCapped} rowsOnPage={list.rows.length}
        hrefForPage={(page) => withParams("/identities", current, { page })} />
    </>
  );
}
