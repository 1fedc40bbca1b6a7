import Link from "next/link";
import { DataTable, DataTableEmpty } from "@/components/ui/data-table";
import { identityHref, secretHref } from "@/lib/inventory/urls";
import type { DecisionRow } from "@/lib/review/types";
import { DecideForm, type DecideAction } from "./decide-form";
import { EvidenceCell } from "./evidence-cell";
import { formatTime } from "./format";

const OUTCOME_STYLE = { pending: "bg-slate-100 text-slate-600", keep: "bg-emerald-50 text-emerald-700", revoke: "bg-red-50 text-red-700" } as const;

function Revocation({ row }: { row: DecisionRow }) {
  if (row.outcome !== "revoke") return null;
  if (row.revocationStatus === "opened" && row.revocationChangeId) {
    return <Link href={`/changes/${row.revocationChangeId}`} className="text-xs text-brand-700 hover:underline">revocation pull request</Link>;
  }
  if (row.revocationStatus === "failed") return <span className="text-xs text-red-700" title={row.revocationError ?? undefined}>revocation failed: {row.revocationError}</span>;
  return <span className="text-xs text-amber-700">revocation pending</span>;
}

/** The grants of a campaign, one row each, decided inline (never in bulk). */
export function DecisionsTable({ rows, decide, empty }: { rows: DecisionRow[]; decide: DecideAction; empty: string }) {
  return (
    <DataTable
      testId="decisions"
      head={[{ label: "Grant" }, { label: "Team" }, { label: "Evidence of use" }, { label: "Decision" }]}
      empty={rows.length === 0 ? <DataTableEmpty>{empty}</DataTableEmpty> : null}
    >
      {rows.map((r) => (
        <tr key={r.id} className="align-top" data-testid="decision-row" data-outcome={r.outcome}>
          <td className="py-2 pr-4">
            <Link href={secretHref(r.secretKey)} className="font-mono text-xs text-brand-700 hover:underline">{r.secretKey}</Link>
            <div className="text-xs text-slate-600">
              <Link href={identityHref(r.identityKey)} className="font-mono hover:underline">{r.identityKey}</Link>
              {" "}· {r.capabilities.join(", ") || "no capabilities"}
              {r.policyName ? <> · policy <span className="font-mono">{r.policyName}</span></> : null}
            </div>
          </td>
          <td className="py-2 pr-4 text-xs text-slate-700">
            {r.ownerTeam ?? "—"}
            <div className="text-slate-500">{r.assignedTo.join(", ")}</div>
          </td>
          <td className="py-2 pr-4"><EvidenceCell evidence={r.evidence} /></td>
          <td className="py-2 pr-4">
            {r.canDecide ? (
              <DecideForm decisionId={r.id} label={`${r.identityKey} on ${r.secretKey}`} selfReviewWarning={r.selfReviewWarning} action={decide} />
            ) : (
              <div className="text-xs text-slate-700">
                <span className={`rounded px-1.5 py-0.5 font-medium ${OUTCOME_STYLE[r.outcome]}`} data-testid="outcome">{r.outcome}</span>
                {r.selfReview ? <span className="ml-1 rounded bg-amber-50 px-1.5 py-0.5 font-medium text-amber-800">self-review</span> : null}
                {r.reviewer ? <div className="mt-1">{r.reviewerName ?? r.reviewer}, {formatTime(r.decidedAt)}</div> : null}
                {r.justification ? <div className="mt-0.5 max-w-md text-slate-600">“{r.justification}”</div> : null}
                <Revocation row={r} />
              </div>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
