import type { SyncProblemView } from "@/lib/sync/schemas";

/** What the last sync could not read or resolve, errors first, with file:line to fix it. */
export function SyncProblemsTable({ problems, total }: { problems: SyncProblemView[]; total: number }) {
  if (problems.length === 0) return <p className="text-slate-500">The last sync reported no problems.</p>;
  return (
    <div className="overflow-x-auto">
      {total > problems.length ? <p className="mb-2 text-xs text-slate-500">Showing {problems.length} of {total.toLocaleString("en-US")} problems.</p> : null}
      <table className="w-full text-left" data-testid="sync-problems">
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">Severity</th>
            <th scope="col" className="py-2 pr-4 font-medium">Source</th>
            <th scope="col" className="py-2 pr-4 font-medium">Where</th>
            <th scope="col" className="py-2 font-medium">Problem</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {problems.map((p, i) => (
            <tr key={i} className="align-top">
              <td className={`py-1.5 pr-4 text-xs font-medium ${p.severity === "error" ? "text-rose-700" : "text-amber-800"}`}>{p.severity}</td>
              <td className="py-1.5 pr-4 text-xs">{p.source}</td>
              <td className="py-1.5 pr-4 font-mono text-xs text-slate-600">
                {p.location || "—"}
                {p.line ? `:${p.line}${p.column ? `:${p.column}` : ""}` : ""}
              </td>
              <td className="py-1.5 text-xs">{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
