import type { IssuerHealth } from "@/lib/health/types";
import { formatDateTime, formatRelative } from "./format";

/** Issuers per PKI mount with CRL freshness (a stale CRL means relying parties may accept revoked certificates). */
export function CrlTable({ issuers, now }: { issuers: IssuerHealth[]; now: string }) {
  if (issuers.length === 0) return <p className="text-sm text-slate-500" data-testid="crl-empty">No issuer data in this snapshot yet.</p>;
  return (
    <table className="w-full text-left text-sm" data-testid="crl-table">
      <thead className="text-xs uppercase tracking-wide text-slate-500">
        <tr><th className="py-1 pr-3 font-medium">Issuer</th><th className="py-1 pr-3 font-medium">Mount</th><th className="py-1 pr-3 font-medium">CRL next update</th><th className="py-1 font-medium">CA expires</th></tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {issuers.map((i) => (
          <tr key={`${i.cluster}:${i.mount}:${i.issuerId}`}>
            <td className="py-1 pr-3"><span className="font-medium">{i.name ?? i.issuerId}</span>{i.isDefault ? <span className="ml-1 text-xs text-slate-500">(default)</span> : null}<div className="text-xs text-slate-500">{i.commonName}</div></td>
            <td className="py-1 pr-3 font-mono text-xs">{i.cluster}:{i.mount}</td>
            <td className="py-1 pr-3">
              {i.crlState === "unknown" ? <span className="text-slate-400">not read</span> : (
                <span className={i.crlState === "stale" ? "font-medium text-red-700" : "text-emerald-800"} title={`this update ${formatDateTime(i.crlThisUpdate)}`}>
                  {i.crlState === "stale" ? "Stale: " : ""}{formatRelative(i.crlNextUpdate, now)}
                </span>
              )}
            </td>
            <td className="py-1">{formatDateTime(i.notAfter)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
