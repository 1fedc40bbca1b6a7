import type { Metadata } from "next";
import { ConnectionList } from "@/components/dashboard/connection-list";
import { ChecklistPanel } from "@/components/dashboard/checklist-panel";
import { AlertsByRuleChart, ExposureHistogram } from "@/components/dashboard/distribution-charts";
import { KeyFigures } from "@/components/dashboard/key-figures";
import { SecretsByEnvironmentChart } from "@/components/dashboard/secrets-chart";
import { TrendChart } from "@/components/dashboard/trend-chart";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { checklistContext, getChecklist, getChecklistHistory, getDashboardFigures } from "@/lib/checklist";
import { attestChecklistItemAction } from "@/lib/checklist/actions";
import { getConnectionRows } from "@/lib/system";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requirePagePermission("dashboard.read");
  const ctx = checklistContext(user);
  const [report, figures, history, connections] = await Promise.all([
    can(user.roles, "checklist.read") ? getChecklist(ctx) : null,
    getDashboardFigures(ctx),
    getChecklistHistory(ctx),
    getConnectionRows(),
  ]);
  return (
    <>
      <PageHeader
        title="Dashboard"
        description={`Signed in as ${user.name}. The architecture checklist scored from live evidence, and the key figures of the current inventory.`}
      />
      <div className="grid gap-4">
        <KeyFigures figures={figures} />
        <div className="grid gap-4 xl:grid-cols-3">
          <Card title={report ? `Architecture checklist: ${report.counts.pass} pass, ${report.counts.fail} fail, ${report.counts.unknown} unknown` : "Architecture checklist"} className="xl:col-span-2">
            {report ? <ChecklistPanel report={report} attest={can(user.roles, "checklist.attest") ? attestChecklistItemAction : null} /> : <p className="text-sm text-slate-500">Your role cannot read the checklist.</p>}
          </Card>
          <div className="grid content-start gap-4">
            <Card title="Trend (daily)"><TrendChart points={history} /></Card>
            <Card title="Connections"><ConnectionList rows={connections} /></Card>
          </div>
        </div>
        <div className="grid gap-4 lg:grid-cols-3">
          <Card title="Secrets by environment and engine"><SecretsByEnvironmentChart rows={figures.secrets.byEnvironmentEngine} /></Card>
          <Card title="Exposure score distribution"><ExposureHistogram buckets={figures.exposure} /></Card>
          <Card title="Open alerts by rule"><AlertsByRuleChart rows={figures.alerts.byRule} /></Card>
        </div>
      </div>
    </>
  );
}
