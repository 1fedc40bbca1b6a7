import Link from "next/link";
import type { AttestResult } from "@/lib/checklist/actions";
import type { ChecklistItemResult, ChecklistReport } from "@/lib/checklist/types";
import { AttestForm } from "./attest-form";
import { CheckStatusBadge } from "./status-badge";

type AttestAction = (previous: AttestResult | null, form: FormData) => Promise<AttestResult>;

const date = (iso: string | null) => (iso ? iso.slice(0, 10) : "");

function Evidence({ item }: { item: ChecklistItemResult }) {
  if (item.evidence.length === 0) return null;
  return (
    <details className="mt-1.5 text-sm" data-testid={`evidence-${item.id}`}>
      <summary className="cursor-pointer text-slate-700 hover:text-slate-900">
        Evidence ({item.evidenceTotal.toLocaleString("en-US")})
      </summary>
      <ul className="mt-1 space-y-0.5 pl-4">
        {item.evidence.map((e, i) => (
          <li key={`${e.label}-${i}`} className="list-disc text-slate-700">
            {e.href ? <Link href={e.href} className="font-mono text-xs text-sky-800 hover:underline">{e.label}</Link> : <span className="font-mono text-xs">{e.label}</span>}
            {e.detail ? <span className="text-xs text-slate-500"> · {e.detail}</span> : null}
          </li>
        ))}
      </ul>
      {item.evidenceTotal > item.evidence.length ? (
        <p className="mt-1 pl-4 text-xs text-slate-500">
          and {(item.evidenceTotal - item.evidence.length).toLocaleString("en-US")} more{item.evidenceHref ? <> (<Link className="text-sky-800 hover:underline" href={item.evidenceHref}>see all</Link>)</> : null}; the checklist export holds every item&apos;s evidence.
        </p>
      ) : null}
    </details>
  );
}

/** The ten checklist items: status, verdict, evidence one click away, attestation and (admins) the attest form. */
export function ChecklistPanel({ report, attest }: { report: ChecklistReport; attest: AttestAction | null }) {
  return (
    <ol className="divide-y divide-slate-100" data-testid="checklist">
      {report.items.map((item, n) => (
        <li key={item.id} className="py-3" data-testid={`checklist-item-${item.id}`}>
          <div className="flex items-start gap-3">
            <span className="w-5 shrink-0 pt-0.5 text-right text-xs text-slate-400">{n + 1}</span>
            <CheckStatusBadge status={item.status} />
            <div className="min-w-0 flex-1">
              <p className="font-medium text-slate-900">
                {item.evidenceHref ? <Link href={item.evidenceHref} className="hover:underline">{item.title}</Link> : item.title}
              </p>
              <p className="text-sm text-slate-600">{item.summary}</p>
              {item.attestation ? (
                <p className="mt-1 text-xs text-slate-500" data-testid={`attestation-${item.id}`}>
                  Attested {item.attestation.outcome} by {item.attestation.attestedBy} on {date(item.attestation.attestedAt)}
                  {item.attestation.performedAt ? ` (fact dated ${date(item.attestation.performedAt)})` : ""}: {item.attestation.statement}
                  {item.attestation.evidenceUrl ? <> · <a className="text-sky-800 hover:underline" href={item.attestation.evidenceUrl} rel="noreferrer" target="_blank">evidence</a></> : null}
                </p>
              ) : null}
              <Evidence item={item} />
              {attest && item.attestable ? (
                <details className="mt-1.5 text-sm">
                  <summary className="cursor-pointer text-slate-700">Attest</summary>
                  <AttestForm item={item.id} action={attest} needsDate={item.id === "rotation-runbook"} />
                </details>
              ) : null}
            </div>
          </div>
        </li>
      ))}
    </ol>
  );
}
