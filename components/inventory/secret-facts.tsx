import { formatSeconds } from "@/lib/inventory/format";
import type { SecretBlastRadius } from "@/lib/inventory/secret-blast-radius-types";

/** Metadata of the secret (never its value), leases and certificates when it has any. */
export function SecretFacts({ radius }: { radius: SecretBlastRadius }) {
  const s = radius.secret;
  const facts: [string, string][] = [
    ["Cluster", s.cluster], ["Mount", s.mount], ["Engine", `${s.engineKind} (${s.lifecycle})`], ["Data path", s.dataPath ?? "—"],
    ["Environment", s.environment ?? "—"], ["Owner team", s.ownerTeam ?? "—"], ["Classification", s.classification ?? "—"],
    ["Rotation period", s.rotationPeriodSeconds ? formatSeconds(s.rotationPeriodSeconds) : "none set"],
    ["Last rotated", s.lastRotatedAt ? s.lastRotatedAt.slice(0, 16).replace("T", " ") : "never"],
    ["Version", s.currentVersion?.toString() ?? "—"], ["Lease TTL", s.leaseTtlSeconds ? formatSeconds(s.leaseTtlSeconds) : "—"],
  ];
  return (
    <div className="space-y-3 text-sm">
      <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1">
        {facts.map(([k, v]) => (
          <div key={k} className="contents"><dt className="text-slate-500">{k}</dt><dd className="break-all font-mono text-xs leading-5">{v}</dd></div>
        ))}
      </dl>
      {radius.leases.count > 0 ? (
        <div>
          <p className="font-medium">{radius.leases.count} lease{radius.leases.count === 1 ? "" : "s"}</p>
          <ul className="text-xs text-slate-600">
            {radius.leases.rows.slice(0, 5).map((l) => <li key={l.leaseId} className="font-mono">{l.leaseId.split("/").pop()} · expires {l.expireTime?.slice(0, 16) ?? "?"}{l.renewable ? " · renewable" : ""}</li>)}
          </ul>
        </div>
      ) : null}
      {radius.certificates.count > 0 ? (
        <div>
          <p className="font-medium">{radius.certificates.count} certificate{radius.certificates.count === 1 ? "" : "s"}</p>
          <ul className="text-xs text-slate-600">
            {radius.certificates.rows.slice(0, 5).map((c) => <li key={c.serial} className="font-mono">{c.commonName ?? c.serial} · not after {c.notAfter.slice(0, 10)}{c.revoked ? " · revoked" : ""}</li>)}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
