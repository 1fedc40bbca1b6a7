import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { ConnectionList } from "@/components/dashboard/connection-list";
import { AuditTrailTable } from "@/components/audit/audit-trail-table";
import { SyncPanel } from "@/components/sync/sync-panel";
import { requirePagePermission } from "@/lib/auth/guard";
import { getConnectionRows } from "@/lib/system";
import { listRecentAuditEntries } from "@/lib/audit-trail";
import { syncNowAction } from "@/lib/sync/actions";
import { loadSyncPanel } from "@/lib/sync/queries";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  await requirePagePermission("sources.manage");
  const [connections, entries, sync] = await Promise.all([getConnectionRows(), listRecentAuditEntries(25), loadSyncPanel()]);
  return (
    <>
      <PageHeader title="Admin" description="Sources Radius reads, sync health, and the portal's own audit trail (append-only, hash-chained)." />
      <div className="grid gap-4 xl:grid-cols-3">
        <Card title="Sources">
          <ConnectionList rows={connections} />
        </Card>
        <Card title="Recent portal activity" className="xl:col-span-2">
          <AuditTrailTable entries={entries} />
        </Card>
        <SyncPanel status={sync.status} runs={sync.runs} problems={sync.problems} syncNow={syncNowAction} />
      </div>
    </>
  );
}
