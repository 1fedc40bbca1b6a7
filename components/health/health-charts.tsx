import { Card } from "@/components/ui/card";
import type { HealthOverview } from "@/lib/health/types";
import { CertificateExpiryChart } from "./certificate-expiry-chart";
import { CrlTable } from "./crl-table";
import { LeaseExpiryChart } from "./lease-expiry-chart";
import { TtlChart } from "./ttl-chart";

/** The chart grid of the first view; every chart receives a small pre-aggregated array. */
export function HealthCharts({ overview }: { overview: HealthOverview }) {
  const { leases: l, certificates: c } = overview;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card title="Leases expiring per hour, next 48 h"><LeaseExpiryChart points={l.byHour} unit="hour" /></Card>
      <Card title="Leases expiring per day, next 30 days"><LeaseExpiryChart points={l.byDay} unit="day" /></Card>
      <Card title="Remaining TTL per mount">{l.ttlByMount.length ? <TtlChart rows={l.ttlByMount} testId="ttl-by-mount" /> : <p className="text-sm text-slate-500">No leases.</p>}</Card>
      <Card title="Remaining TTL per role (problem roles first, top 10)">{l.ttlByRole.length ? <TtlChart rows={l.ttlByRole} testId="ttl-by-role" /> : <p className="text-sm text-slate-500">No leases.</p>}</Card>
      <Card title={`Certificate expiry per week (${c.revoked.toLocaleString("en-US")} revoked shown apart)`}><CertificateExpiryChart weeks={c.byWeek} /></Card>
      <Card title="CRL freshness per issuer"><CrlTable issuers={c.issuers} now={overview.now} /></Card>
    </div>
  );
}
