import type { AuditEntryView } from "@/lib/audit-trail/list-recent";

/** The newest portal audit records: who did what, when, from where. */
export function AuditTrailTable({ entries }: { entries: AuditEntryView[] }) {
  if (entries.length === 0) {
    return <p className="text-slate-500">No portal actions recorded yet.</p>;
  }
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left" data-testid="audit-trail">
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">Time (UTC)</th>
            <th scope="col" className="py-2 pr-4 font-medium">Who</th>
            <th scope="col" className="py-2 pr-4 font-medium">Action</th>
            <th scope="col" className="py-2 pr-4 font-medium">Target</th>
            <th scope="col" className="py-2 font-medium">From</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {entries.map((e) => (
            <tr key={e.id}>
              <td className="py-1.5 pr-4 font-mono text-xs text-slate-600">{e.time.replace("T", " ").slice(0, 19)}</td>
              <td className="py-1.5 pr-4">
                {e.actorEmail} <span className="text-xs text-slate-500">{e.actorRoles.join(", ")}</span>
              </td>
              <td className="py-1.5 pr-4 font-mono text-xs">{e.action}</td>
              <td className="py-1.5 pr-4 text-slate-600">{e.target ?? "—"}</td>
              <td className="py-1.5 font-mono text-xs text-slate-500">{e.ip ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
