import type { InlineHealth } from "@/lib/health/inline-types";
import { formatDateTime } from "./format";

/**
 * Lease and certificate status of one secret or workload, for the inventory pages. Presentational:
 * pass the object from getHealthForSecret / getHealthForWorkload (lib/health) and `now` as ISO.
 * Renders nothing when the subject has neither leases nor certificates.
 */
export function HealthInline({ health, now, healthHref = "/health" }: { health: InlineHealth; now: string; healthHref?: string }) {
  const { leases: l, certificates: c } = health;
  if (l.count === 0 && c.count === 0) return null;
  const days = (iso: string | null) => (iso ? Math.floor((Date.parse(iso) - Date.parse(now)) / 86_400_000) : null);
  const soonDays = days(c.soonestNotAfter);
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm" data-testid="health-inline">
      {l.count > 0 ? (
        <span>
          <span className="text-slate-500">Leases</span> {l.count.toLocaleString("en-US")}
          {l.renewalFailures > 0 ? <a href={`${healthHref}?view=leases&status=renewal-failure`} className="ml-2 font-medium text-red-700 hover:underline">{l.renewalFailures} renewal failure(s)</a> : null}
          {l.expiringWithin1h > 0 ? <span className="ml-2 text-amber-700">{l.expiringWithin1h} expiring within 1 h</span> : null}
          <span className="ml-2 text-slate-500">next expiry {formatDateTime(l.soonestExpiry)}</span>
        </span>
      ) : null}
      {c.count > 0 ? (
        <span>
          <span className="text-slate-500">Certificates</span> {c.count.toLocaleString("en-US")}
          {c.expiringWithin7d > 0 ? <span className="ml-2 font-medium text-amber-700">{c.expiringWithin7d} expiring within 7 d</span> : null}
          {c.expired > 0 ? <span className="ml-2 text-red-700">{c.expired} expired</span> : null}
          {c.revoked > 0 ? <span className="ml-2 text-slate-600">{c.revoked} revoked</span> : null}
          {c.weak > 0 ? <span className="ml-2 text-orange-700">{c.weak} weak key(s)</span> : null}
          {soonDays !== null ? <span className="ml-2 text-slate-500">soonest expiry in {soonDays} d</span> : null}
        </span>
      ) : null}
    </div>
  );
}
