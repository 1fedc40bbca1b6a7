import type { Metadata } from "next";
import { AttentionList } from "@/components/health/attention-list";
import { HealthCharts } from "@/components/health/health-charts";
import { HealthTableSection } from "@/components/health/health-table-section";
import { StatTiles } from "@/components/health/stat-tiles";
import { currentParams } from "@/components/health/table-params";
import { CsvLink } from "@/components/inventory/csv-link";
import { ParamNotes } from "@/components/inventory/param-notes";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { getHealthPageData, healthContext } from "@/lib/health";
import { withParams } from "@/lib/inventory/urls";

export const metadata: Metadata = { title: "Health" };

export default async function HealthPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePagePermission("health.read");
  const { overview, table, notes } = await getHealthPageData(healthContext(user), await searchParams);

  if (!table) {
    return (
      <>
        <PageHeader title="Health" description="Leases and certificates from Vault." />
        <EmptyState title="No lease or certificate data yet" testId="health-empty">
          <p>The first sync has not finished. Radius reads every lease and PKI certificate from Vault, then shows their health here.</p>
        </EmptyState>
      </>
    );
  }

  const csv = withParams(`/api/health-data/${table.view}`, { ...currentParams(table.view, table.params), view: undefined, page: undefined }, { format: "csv" });
  const l = overview.leases;
  const c = overview.certificates;
  return (
    <>
      <PageHeader
        title="Health"
        description="Lease TTLs and renewal failures, certificate expiry, revoked and weak certificates, CRL freshness. Times are UTC."
        actions={<CsvLink href={csv} label={`Download ${table.view} CSV`} />}
      />
      <ParamNotes notes={notes} />
      <div className="space-y-4">
        <StatTiles tiles={[
          { label: "Leases", value: l.total },
          { label: "Renewal failures", value: l.renewalFailures, tone: "bad", href: "/health?status=renewal-failure", testId: "tile-renewal-failures" },
          { label: "Orphaned leases", value: l.orphaned, tone: "warn", href: "/health?status=orphaned" },
          { label: "Leases expiring < 1 h", value: l.expiringWithin1h, tone: "warn", href: "/health?status=expiring" },
          { label: "Leases expired", value: l.expired, tone: "bad", href: "/health?status=expired" },
          { label: "Certificates", value: c.total, href: "/health?view=certificates" },
          { label: "Expiring within 7 d", value: c.expiringWithin7d, tone: "warn", href: "/health?view=certificates&status=expiring", testId: "tile-expiring-certificates" },
          { label: "Expired certificates", value: c.expired, tone: "bad", href: "/health?view=certificates&status=expired" },
          { label: "Revoked", value: c.revoked, href: "/health?view=certificates&status=revoked" },
          { label: "Weak keys", value: c.weak, tone: "bad", href: "/health?view=certificates&status=weak" },
        ]} />
        <Card title="Needs attention"><AttentionList overview={overview} /></Card>
        <HealthCharts overview={overview} />
        <HealthTableSection table={table} facets={overview.facets} counts={{ leases: l.total, certificates: c.total }} now={overview.now} />
      </div>
    </>
  );
}
