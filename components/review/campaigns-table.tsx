import Link from "next/link";
import { DataTable, DataTableEmpty } from "@/components/ui/data-table";
import type { CampaignSummary } from "@/lib/review/types";
import { formatDate, scopeLabel } from "./format";
import { ProgressBar } from "./progress-bar";

/** Campaigns newest first: scope, deadline, status and progress. */
export function CampaignsTable({ rows, mineOnly }: { rows: CampaignSummary[]; mineOnly: boolean }) {
  return (
    <DataTable
      testId="campaigns"
      head={[{ label: "Campaign" }, { label: "Scope" }, { label: "Deadline" }, { label: "Status" }, { label: mineOnly ? "Your progress" : "Progress" }]}
      empty={rows.length === 0 ? <DataTableEmpty>{mineOnly ? "No campaign asks you to review anything." : "No campaign yet."}</DataTableEmpty> : null}
    >
      {rows.map((c) => (
        <tr key={c.id} data-testid="campaign-row">
          <td className="py-2 pr-4">
            <Link href={`/reviews/${c.id}`} className="font-medium text-brand-700 hover:underline">{c.name}</Link>
            <div className="text-xs text-slate-500">by {c.createdByName ?? c.createdBy}, {formatDate(c.createdAt)}</div>
          </td>
          <td className="py-2 pr-4 text-slate-700">{scopeLabel(c.scope)}</td>
          <td className={`py-2 pr-4 tabular-nums ${c.overdue ? "font-medium text-red-700" : ""}`}>
            {formatDate(c.dueAt)}
            {c.overdue ? " (overdue)" : ""}
          </td>
          <td className="py-2 pr-4">
            <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${c.status === "open" ? "bg-brand-50 text-brand-700" : "bg-slate-100 text-slate-600"}`}>{c.status}</span>
          </td>
          <td className="py-2 pr-4"><ProgressBar progress={c.progress} label={`Progress of ${c.name}`} /></td>
        </tr>
      ))}
    </DataTable>
  );
}
