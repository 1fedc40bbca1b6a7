import Link from "next/link";
import type { ChangeListParams } from "@/lib/changes/list-schema";
import type { ChangeRequestView } from "@/lib/changes/schemas";
import { DataTable } from "@/components/ui/data-table";
import { DataTablePagination } from "@/components/ui/data-table-pagination";
import { KIND_LABELS } from "./kind-tabs";
import { ChangeStatusBadge } from "./status-badge";

export interface ChangeList {
  rows: ChangeRequestView[];
  total: number;
}

export function ChangesTable({ list, params }: { list: ChangeList; params: ChangeListParams }) {
  const href = (page: number) => `/changes?${new URLSearchParams({ scope: params.scope, ...(params.status ? { status: params.status } : {}), page: String(page) })}`;
  return (
    <>
      <DataTable testId="changes-table" head={[{ label: "Request" }, { label: "Kind" }, { label: "Requested by" }, { label: "Status" }, { label: "Pull request" }, { label: "Opened" }]}>
        {list.rows.map((c) => (
          <tr key={c.id} className="border-b border-slate-100 last:border-0">
            <td className="py-2 pr-4"><Link href={`/changes/${c.id}`} className="font-medium text-brand-700 hover:underline">{c.title}</Link></td>
            <td className="pr-4 text-slate-600">{KIND_LABELS[c.kind] ?? c.kind}</td>
            <td className="pr-4 text-slate-600">{c.requesterEmail}</td>
            <td className="pr-4"><ChangeStatusBadge status={c.status} /></td>
            <td className="pr-4">{c.prUrl ? <a href={c.prUrl} className="text-brand-700 hover:underline">{c.provider === "local" ? c.branch : `#${c.prNumber}`}</a> : "—"}</td>
            <td className="whitespace-nowrap text-slate-600">{c.createdAt.slice(0, 16).replace("T", " ")} UTC</td>
          </tr>
        ))}
      </DataTable>
      <DataTablePagination page={params.page} pageSize={params.pageSize} total={list.total} totalCapped={false} rowsOnPage={list.rows.length} hrefForPage={href} />
    </>
  );
}
