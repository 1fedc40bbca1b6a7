import type { RecentExport } from "@/lib/exports/manifests";

/** Completed exports from the audit trail, each with its manifest hash and download. */
export function RecentExportsTable({ rows }: { rows: RecentExport[] }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">No exports yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="recent-exports">
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="py-2 pr-3 font-medium">Completed (UTC)</th>
            <th className="py-2 pr-3 font-medium">By</th>
            <th className="py-2 pr-3 font-medium">Dataset</th>
            <th className="py-2 pr-3 font-medium">Rows</th>
            <th className="py-2 pr-3 font-medium">SHA-256</th>
            <th className="py-2 font-medium">Manifest</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.exportId}>
              <td className="py-1.5 pr-3 font-mono text-xs">{r.completedAt.replace("T", " ").slice(0, 19)}</td>
              <td className="py-1.5 pr-3">{r.actor}</td>
              <td className="py-1.5 pr-3">{r.dataset} <span className="text-xs uppercase text-slate-500">{r.format}</span></td>
              <td className="py-1.5 pr-3">{r.rows.toLocaleString("en-US")}</td>
              <td className="py-1.5 pr-3 font-mono text-xs" title={r.sha256}>{r.sha256.slice(0, 16)}...</td>
              <td className="py-1.5"><a className="text-sky-800 hover:underline" href={`/api/exports/${r.exportId}/manifest`}>download</a></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
