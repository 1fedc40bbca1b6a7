import { Card } from "@/components/ui/card";
import type { AlertDetail } from "@/lib/detection/views";

const value = (v: unknown): string => (Array.isArray(v) ? v.join(", ") : v === null || v === undefined ? "—" : typeof v === "object" ? JSON.stringify(v) : String(v));

/** What the alert is based on: facts, a bounded sample of the events, and the query that finds them all. */
export function EvidencePanel({ alert }: { alert: AlertDetail }) {
  const e = alert.evidence;
  const facts: [string, unknown][] = [
    ...(e.window ? [["Window", `${e.window.start} – ${e.window.end}`] as [string, unknown]] : []),
    ...(e.remoteAddresses.length ? [["Remote addresses", e.remoteAddresses] as [string, unknown]] : []),
    ...(e.identities.length ? [["Identities", e.identities] as [string, unknown]] : []),
    ...(e.distinctPaths !== null ? [["Distinct paths", e.distinctPaths] as [string, unknown]] : []),
    ...Object.entries(e.facts),
    ...Object.entries(e.raw),
  ];
  return (
    <Card title="Evidence">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm" data-testid="alert-facts">
        {facts.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-500">{k}</dt>
            <dd className="break-all text-slate-800">{value(v)}</dd>
          </div>
        ))}
      </dl>
      {e.sample.length > 0 ? (
        <div className="mt-4 overflow-x-auto">
          <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">
            First {e.sample.length} of {alert.count.toLocaleString("en-US")} events
          </h3>
          <table className="w-full text-left text-xs" data-testid="evidence-sample">
            <thead className="text-slate-500">
              <tr><th className="py-1 pr-3">Time (UTC)</th><th className="py-1 pr-3">Operation</th><th className="py-1 pr-3">Path</th><th className="py-1 pr-3">Address</th><th className="py-1 pr-3">Who</th><th className="py-1 pr-3">Error</th><th className="py-1 pr-3">Event id</th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100 font-mono">
              {e.sample.map((s) => (
                <tr key={s.id}>
                  <td className="py-1 pr-3 whitespace-nowrap">{s.time.replace("T", " ").replace("Z", "")}</td>
                  <td className="py-1 pr-3">{s.operation ?? "—"}</td>
                  <td className="py-1 pr-3 break-all">{s.path ?? "—"}</td>
                  <td className="py-1 pr-3">{s.remoteAddress ?? "—"}</td>
                  <td className="py-1 pr-3 break-all">{s.identityKey ?? s.displayName ?? "—"}</td>
                  <td className="py-1 pr-3">{s.error ?? ""}</td>
                  <td className="py-1 pr-3 text-slate-400">{s.id}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {e.query ? (
        <details className="mt-4">
          <summary className="cursor-pointer text-sm text-slate-600">Query to find every event</summary>
          <pre className="mt-2 overflow-x-auto rounded bg-slate-50 p-3 text-xs text-slate-800" data-testid="evidence-query">{e.query}</pre>
        </details>
      ) : null}
    </Card>
  );
}
