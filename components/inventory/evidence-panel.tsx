import Link from "next/link";
import type { ReaderEvidenceView, SecretEvidenceView } from "@/lib/inventory/secret-blast-radius-types";
import { identityHref } from "@/lib/inventory/urls";

const days = (seconds: number) => `${Math.round(seconds / 86_400)} d`;

function ReaderList({ rows, testId }: { rows: ReaderEvidenceView[]; testId: string }) {
  return (
    <ul className="space-y-1" data-testid={testId}>
      {rows.map((r) => (
        <li key={r.identityKey} className="flex justify-between gap-2">
          <Link href={identityHref(r.identityKey)} className="truncate font-mono text-xs text-brand-700 hover:underline">{r.identityKey}</Link>
          <span className="shrink-0 text-xs text-slate-600">{r.reads90d} / 90 d{r.lastReadAt ? `, last ${r.lastReadAt.slice(0, 10)}` : ""}</span>
        </li>
      ))}
    </ul>
  );
}

/** "Can read" turned into "does read": what the Vault audit log says about this secret. */
export function EvidencePanel({ evidence }: { evidence: SecretEvidenceView }) {
  const { stale } = evidence;
  return (
    <div className="space-y-3 text-sm" data-testid="evidence">
      <p className={stale.stale ? "font-medium text-amber-800" : "text-slate-700"}>
        {stale.ageSeconds === null ? "Rotation age unknown." : stale.stale ? `Stale: last rotated ${days(stale.ageSeconds)} ago, period ${days(stale.periodSeconds)}.` : `Rotated ${days(stale.ageSeconds)} ago, within its ${days(stale.periodSeconds)} period.`}
      </p>
      {!evidence.available ? (
        <p className="text-slate-500">No audit events ingested yet: reads, unused grants and ghost readers appear once the Vault audit log is ingested.</p>
      ) : (
        <>
          <p className="text-xs text-slate-500">Audit log {evidence.coverage?.since?.slice(0, 10) ?? "?"} to {evidence.coverage?.until?.slice(0, 10) ?? "?"}; last read {evidence.lastReadAt?.slice(0, 16).replace("T", " ") ?? "never"}.</p>
          {evidence.ghostReaders.length > 0 ? (
            <div>
              <h3 className="text-xs font-semibold uppercase tracking-wide text-red-700">Ghost readers: rotate it</h3>
              <p className="mb-1 text-xs text-slate-600">Read the value before and have no access now: the value is still exposed.</p>
              <ReaderList rows={evidence.ghostReaders} testId="ghost-readers" />
            </div>
          ) : null}
          <div>
            <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Unused grants ({evidence.unusedGrants.length})</h3>
            {evidence.unusedGrants.length === 0 ? <p className="text-xs text-slate-500">Every reader read it within 90 days.</p> : (
              <ul className="space-y-0.5" data-testid="unused-grants">
                {evidence.unusedGrants.map((k) => <li key={k}><Link href={identityHref(k)} className="font-mono text-xs text-brand-700 hover:underline">{k}</Link> <span className="text-xs text-slate-500">can read, no read in 90 d</span></li>)}
              </ul>
            )}
          </div>
          {evidence.topReaders.length > 0 ? (
            <div>
              <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Top readers</h3>
              <ReaderList rows={evidence.topReaders} testId="top-readers" />
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}
