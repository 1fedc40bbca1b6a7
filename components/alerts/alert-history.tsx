import type { AlertHistoryEntry } from "@/lib/detection/views";

const VERB: Record<string, string> = { "alerts.acknowledge": "acknowledged", "alerts.resolve": "resolved", "alerts.assign": "changed the assignee" };

/** The alert's entries in the portal audit trail. */
export function AlertHistory({ entries }: { entries: AlertHistoryEntry[] }) {
  if (entries.length === 0) return <p className="text-sm text-slate-500">No one has triaged this alert yet.</p>;
  return (
    <ol className="space-y-2 text-sm" data-testid="alert-history">
      {entries.map((h, i) => (
        <li key={i}>
          <span className="text-slate-500">{h.time.replace("T", " ").slice(0, 19)} UTC</span> · <span className="font-medium">{h.actorEmail}</span> {VERB[h.action] ?? h.action}
          {typeof h.details.assignee === "string" ? <> to {h.details.assignee}</> : h.action === "alerts.assign" ? <> to nobody</> : null}
          {typeof h.details.note === "string" ? <p className="ml-4 whitespace-pre-wrap text-slate-700">“{h.details.note}”</p> : null}
        </li>
      ))}
    </ol>
  );
}
