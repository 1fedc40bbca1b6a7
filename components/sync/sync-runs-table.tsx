import type { SyncRunView } from "@/lib/sync/schemas";
import { formatDuration, formatTime } from "./format";

const STATUS_STYLE: Record<SyncRunView["status"], string> = {
  running: "bg-sky-100 text-sky-800",
  succeeded: "bg-emerald-100 text-emerald-800",
  partial: "bg-amber-100 text-amber-900",
  failed: "bg-rose-100 text-rose-800",
};

const COUNT_FIELDS = ["secrets", "identities", "policies", "workloads", "consumptions", "grants", "problems"] as const;

/** Recent sync runs, newest first: status, duration, what they found, why they failed. */
export function SyncRunsTable({ runs }: { runs: SyncRunView[] }) {
  if (runs.length === 0) return <p className="text-slate-500">No sync has run yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left" data-testid="sync-runs">
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">Started</th>
            <th scope="col" className="py-2 pr-4 font-medium">Trigger</th>
            <th scope="col" className="py-2 pr-4 font-medium">Status</th>
            <th scope="col" className="py-2 pr-4 font-medium">Duration</th>
            <th scope="col" className="py-2 font-medium">Counts / error</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {runs.map((run) => (
            <tr key={run.id} className="align-top">
              <td className="py-1.5 pr-4 font-mono text-xs text-slate-600">{formatTime(run.startedAt)}</td>
              <td className="py-1.5 pr-4 text-xs">{run.trigger}</td>
              <td className="py-1.5 pr-4">
                <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLE[run.status]}`}>{run.status}</span>
              </td>
              <td className="py-1.5 pr-4 text-xs">{formatDuration(run.durationMs)}</td>
              <td className="py-1.5 text-xs text-slate-600">
                {COUNT_FIELDS.filter((f) => typeof run.counts[f] === "number")
                  .map((f) => `${f} ${(run.counts[f] as number).toLocaleString("en-US")}`)
                  .join(" · ")}
                {run.error ? <p className="mt-1 font-mono text-rose-700">{run.error}</p> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
