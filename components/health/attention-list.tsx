import type { HealthOverview } from "@/lib/health/types";
import { formatDateTime, formatRelative } from "./format";
import { SecretLink } from "./links";
import { StatusBadge } from "./status-badge";

/** What needs a human now: certificates expiring within 7 days, renewal failures, weak keys. */
export function AttentionList({ overview }: { overview: HealthOverview }) {
  const { certificates: c, leases: l } = overview;
  if (c.expiring.length === 0 && l.failures.length === 0 && c.weakKeys.length === 0) {
    return <p className="text-sm text-slate-600" data-testid="attention-none">Nothing needs attention: no certificate expires within 7 days, no lease renewal failed, no weak key.</p>;
  }
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <section aria-labelledby="att-certs">
        <h3 id="att-certs" className="mb-1 text-sm font-semibold text-slate-800">Certificates expiring within 7 days ({c.expiringWithin7d})</h3>
        <ul className="space-y-1 text-sm" data-testid="expiring-certificates">
          {c.expiring.map((x) => (
            <li key={`${x.cluster}:${x.mount}:${x.serial}`} className="flex items-baseline gap-2" data-flag="expiring-7d">
              <StatusBadge status="expiring" />
              <span className="font-medium text-slate-900">{x.commonName ?? x.serial}</span>
              <span className="text-slate-500" title={formatDateTime(x.notAfter)}>{formatRelative(x.notAfter, overview.now)}</span>
            </li>
          ))}
          {c.expiring.length === 0 ? <li className="text-slate-500">None.</li> : null}
        </ul>
      </section>
      <section aria-labelledby="att-leases">
        <h3 id="att-leases" className="mb-1 text-sm font-semibold text-slate-800">Lease renewal failures ({l.renewalFailures})</h3>
        <ul className="space-y-1 text-sm" data-testid="renewal-failures">
          {l.failures.map((f) => (
            <li key={f.leaseId} className="min-w-0">
              <div className="flex items-baseline gap-2"><StatusBadge status="renewal-failure" /><span className="text-slate-500">expired {formatRelative(f.expireTime, overview.now)}, {f.consumers} consumer(s)</span></div>
              <div className="truncate font-mono text-xs text-slate-700" title={f.leaseId}>{f.leaseId}</div>
              <SecretLink secretKey={f.secretKey} />
            </li>
          ))}
          {l.failures.length === 0 ? <li className="text-slate-500">None.</li> : null}
        </ul>
      </section>
      <section aria-labelledby="att-weak">
        <h3 id="att-weak" className="mb-1 text-sm font-semibold text-slate-800">Weak keys ({c.weak})</h3>
        <ul className="space-y-1 text-sm" data-testid="weak-keys">
          {c.weakKeys.map((w) => (
            <li key={`${w.cluster}:${w.mount}:${w.serial}`} className="flex items-baseline gap-2">
              <StatusBadge status="weak-key" />
              <span className="font-medium text-slate-900">{w.commonName ?? w.serial}</span>
              <span className="text-slate-500">{w.keyType?.toUpperCase()} {w.keyBits}</span>
            </li>
          ))}
          {c.weakKeys.length === 0 ? <li className="text-slate-500">None.</li> : null}
        </ul>
      </section>
    </div>
  );
}
