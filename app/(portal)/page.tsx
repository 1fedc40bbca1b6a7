import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { SectionPlaceholder } from "@/components/ui/section-placeholder";
import { ConnectionList } from "@/components/dashboard/connection-list";
import { requirePagePermission } from "@/lib/auth/guard";
import { getConnectionRows } from "@/lib/system";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requirePagePermission("dashboard.read");
  const connections = await getConnectionRows();
  return (
    <>
      <PageHeader
        title="Dashboard"
        description={`Signed in as ${user.name}. Radius reads Vault, Terraform, Kubernetes manifests and CI workflows, and never writes to Vault.`}
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title="Connections" className="lg:col-span-1">
          <ConnectionList rows={connections} />
        </Card>
        <div className="lg:col-span-2">
          <SectionPlaceholder
            capability="Compliance exports and the checklist dashboard"
            what="The ten-item architecture checklist, key figures (secrets by environment, rotation compliance, expiring certificates, open alerts, exposure scores) and their daily trend will live here. Until then this page shows only what Radius is connected to."
          />
        </div>
      </div>
    </>
  );
}
