import type { Metadata } from "next";
import Link from "next/link";
import { ExportForm } from "@/components/exports/export-form";
import { RecentExportsTable } from "@/components/exports/recent-exports-table";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { exportContext, getExportFacets, listRecentExports } from "@/lib/exports";

export const metadata: Metadata = { title: "Exports" };

export default async function ExportsPage() {
  const user = await requirePagePermission("exports.create");
  const ctx = await exportContext(user);
  const [facets, recent] = await Promise.all([getExportFacets(ctx), listRecentExports(ctx, 20)]);
  return (
    <>
      <PageHeader
        title="Exports"
        description="Evidence for compliance: CSV and JSON streamed from the database, and a PDF evidence pack. Every export is recorded in the portal audit trail with a SHA-256 manifest."
        actions={can(user.roles, "audit-trail.read") ? <Link href="/audit-trail" className="rounded border border-slate-300 px-3 py-1.5 text-sm">Portal audit trail</Link> : null}
      />
      <div className="grid gap-4">
        <Card title="New export">
          <ExportForm environments={facets.environments} teams={facets.teams} canExportAuditTrail={can(user.roles, "audit-trail.export")} />
        </Card>
        <Card title="Recent exports">
          <RecentExportsTable rows={recent} />
        </Card>
      </div>
    </>
  );
}
