import Link from "next/link";
import type { AuditTrailPage, AuditTrailQuery } from "@/lib/exports/audit-trail/schemas";

const field = "rounded border border-slate-300 px-2 py-1 text-sm";

/** Filter form (plain GET form: works without JavaScript) and one page of the trail, newest first. */
export function AuditTrailList({ page, query }: { page: AuditTrailPage; query: AuditTrailQuery }) {
  const olderParams = new URLSearchParams(Object.entries({ ...query, before: page.nextBefore ?? "" }).filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => [k, String(v)]));
  return (
    <div className="grid gap-3">
      <form method="get" className="flex flex-wrap items-end gap-2 text-sm" data-testid="audit-trail-filters">
        <label className="flex flex-col gap-1"><span className="text-xs text-slate-600">Actor (email prefix)</span><input name="actor" defaultValue={query.actor} className={field} /></label>
        <label className="flex flex-col gap-1"><span className="text-xs text-slate-600">Action (prefix)</span><input name="action" defaultValue={query.action} placeholder="exports." className={field} /></label>
        <label className="flex flex-col gap-1"><span className="text-xs text-slate-600">Target contains</span><input name="target" defaultValue={query.target} className={field} /></label>
        <label className="flex flex-col gap-1"><span className="text-xs text-slate-600">From</span><input type="date" name="from" defaultValue={query.from} className={field} /></label>
        <label className="flex flex-col gap-1"><span className="text-xs text-slate-600">To</span><input type="date" name="to" defaultValue={query.to} className={field} /></label>
        <button type="submit" className="rounded bg-slate-900 px-3 py-1.5 text-white">Filter</button>
        <Link href="/audit-trail" className="px-2 py-1.5 text-slate-600 hover:underline">Reset</Link>
      </form>
      {page.rows.length === 0 ? <p className="text-sm text-slate-500">No portal actions match.</p> : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="audit-trail">
            <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="py-2 pr-3 font-medium">#</th>
                <th className="py-2 pr-3 font-medium">Time (UTC)</th>
                <th className="py-2 pr-3 font-medium">Who</th>
                <th className="py-2 pr-3 font-medium">Action</th>
                <th className="py-2 pr-3 font-medium">Target</th>
                <th className="py-2 pr-3 font-medium">From</th>
                <th className="py-2 font-medium">Details</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {page.rows.map((r) => (
                <tr key={r.id}>
                  <td className="py-1.5 pr-3 font-mono text-xs text-slate-500" title={`hash ${r.hash}`}>{r.id}</td>
                  <td className="py-1.5 pr-3 font-mono text-xs">{r.time.replace("T", " ").slice(0, 19)}</td>
                  <td className="py-1.5 pr-3">{r.actorEmail} <span className="text-xs text-slate-500">{r.actorRoles.join(", ")}</span></td>
                  <td className="py-1.5 pr-3 font-mono text-xs">{r.action}</td>
                  <td className="py-1.5 pr-3 text-slate-700">{r.target ?? "-"}</td>
                  <td className="py-1.5 pr-3 font-mono text-xs text-slate-500">{r.ip ?? "-"}</td>
                  <td className="max-w-md py-1.5"><details><summary className="cursor-pointer text-xs text-slate-600">show</summary><pre className="whitespace-pre-wrap break-all text-xs">{r.details}</pre></details></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="flex gap-3 text-sm">
        {query.before ? <Link href={`/audit-trail?${new URLSearchParams(Object.entries({ ...query, before: "" }).filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => [k, String(v)]))}`} className="text-sky-800 hover:underline">Newest</Link> : null}
        {page.nextBefore ? <Link href={`/audit-trail?${olderParams}`} className="text-sky-800 hover:underline" data-testid="audit-trail-older">Older</Link> : null}
      </div>
    </div>
  );
}
