import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AlertHistory } from "@/components/alerts/alert-history";
import { AlertStatusBadge, SeverityBadge } from "@/components/alerts/badges";
import { EvidencePanel } from "@/components/alerts/evidence-panel";
import { TriagePanel } from "@/components/alerts/triage-panel";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { detectionContext, getAlertDetail, listAssignees } from "@/lib/detection";
import { acknowledgeAlertAction, assignAlertAction, resolveAlertAction } from "@/lib/detection/actions";
import { isAppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Alert" };

export default async function AlertPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePagePermission("alerts.read");
  const { id } = await params;
  const ctx = detectionContext(user);
  const alert = await getAlertDetail(ctx, id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const triage = can(user.roles, "alerts.triage");
  const assignees = triage ? await listAssignees(ctx) : [];
  return (
    <>
      <p className="mb-2 text-sm"><Link href="/alerts" className="text-brand-700 hover:underline">← All alerts</Link></p>
      <PageHeader title={alert.ruleLabel} description={alert.summary} actions={<><SeverityBadge severity={alert.severity} /><AlertStatusBadge status={alert.status} /></>} />
      <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
        <div className="space-y-4">
          <Card title="Alert">
            <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm" data-testid="alert-summary">
              <dt className="text-slate-500">Subject</dt><dd className="break-all" data-testid="alert-subject">{alert.subject}</dd>
              <dt className="text-slate-500">Rule</dt><dd>{alert.rule}</dd>
              <dt className="text-slate-500">Events</dt><dd className="tabular-nums">{alert.count.toLocaleString("en-US")}</dd>
              <dt className="text-slate-500">First seen</dt><dd>{alert.firstSeen}</dd>
              <dt className="text-slate-500">Last seen</dt><dd>{alert.lastSeen}</dd>
              <dt className="text-slate-500">Assignee</dt><dd data-testid="alert-assignee">{alert.assignee ?? "—"}</dd>
              {alert.resolvedAt ? <><dt className="text-slate-500">Resolved</dt><dd>{alert.resolvedAt}</dd></> : null}
              {alert.note ? <><dt className="text-slate-500">Note</dt><dd className="whitespace-pre-wrap" data-testid="alert-note">{alert.note}</dd></> : null}
            </dl>
          </Card>
          <EvidencePanel alert={alert} />
        </div>
        <div className="space-y-4">
          {triage ? (
            <Card title="Triage">
              <TriagePanel
                key={`${alert.status}:${alert.assignee ?? ""}`}
                id={alert.id}
                status={alert.status}
                assignee={alert.assignee}
                assignees={assignees}
                actions={{ acknowledge: acknowledgeAlertAction, resolve: resolveAlertAction, assign: assignAlertAction }}
              />
            </Card>
          ) : null}
          <Card title="History"><AlertHistory entries={alert.history} /></Card>
        </div>
      </div>
    </>
  );
}
