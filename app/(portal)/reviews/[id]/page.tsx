import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CsvLink } from "@/components/inventory/csv-link";
import { ParamNotes } from "@/components/inventory/param-notes";
import { CloseCampaignButton } from "@/components/review/close-campaign-button";
import { DecisionFilters } from "@/components/review/decision-filters";
import { DecisionsTable } from "@/components/review/decisions-table";
import { formatDate, formatTime, scopeLabel } from "@/components/review/format";
import { ProgressBar } from "@/components/review/progress-bar";
import { ReviewerProgressList } from "@/components/review/reviewer-progress";
import { Card } from "@/components/ui/card";
import { DataTablePagination } from "@/components/ui/data-table-pagination";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { parseLenient } from "@/lib/inventory/search-params";
import { withParams } from "@/lib/inventory/urls";
import { getCampaign, listDecisions, requireReviewsPage, reviewContext } from "@/lib/review";
import { closeCampaignAction, decideAction } from "@/lib/review/actions";
import { decisionListSchema } from "@/lib/review/schemas";

export const metadata: Metadata = { title: "Review campaign" };

export default async function CampaignPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireReviewsPage();
  const { id } = await params;
  const { params: query, notes } = parseLenient(decisionListSchema, await searchParams);
  const ctx = reviewContext(user);
  const loaded = await Promise.all([getCampaign(ctx, id), listDecisions(ctx, id, query)]).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const [campaign, decisions] = loaded;
  const base = `/reviews/${campaign.id}`;
  const current = { reviewer: query.reviewer, outcome: query.outcome, team: query.team, pageSize: query.pageSize === 50 ? undefined : query.pageSize };
  const report = (format: "csv" | "pdf") => `/api/reviews/${campaign.id}/report?format=${format}`;
  const closeAction = closeCampaignAction.bind(null, campaign.id);
  return (
    <>
      <PageHeader
        title={campaign.name}
        description={`Scope: ${scopeLabel(campaign.scope)}. Deadline ${formatDate(campaign.dueAt)}${campaign.overdue ? " (overdue)" : ""}. ${campaign.status === "closed" ? `Closed ${formatTime(campaign.closedAt)} by ${campaign.closedBy ?? "?"}.` : "Open."}`}
        actions={
          <>
            {can(user.roles, "reviews.read") ? (
              <>
                <CsvLink href={report("csv")} />
                <a href={report("pdf")} download className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50" data-testid="pdf-link">Download PDF</a>
              </>
            ) : null}
            {campaign.canManage && campaign.status === "open" ? <CloseCampaignButton pending={campaign.progress.pending} action={closeAction} /> : null}
          </>
        }
      />
      <ParamNotes notes={notes} />
      <div className="mb-4 grid gap-4 lg:grid-cols-2">
        <Card title={can(user.roles, "reviews.read") ? "Progress" : "Your progress"}>
          <ProgressBar progress={campaign.progress} label="Campaign progress" testId="campaign-progress" />
          <p className="mt-2 text-sm text-slate-600">
            {campaign.progress.kept.toLocaleString("en-US")} kept · {campaign.progress.revoked.toLocaleString("en-US")} revoked · {campaign.progress.pending.toLocaleString("en-US")} pending
          </p>
        </Card>
        <Card title="Per reviewer">
          <ReviewerProgressList reviewers={campaign.reviewers} />
        </Card>
      </div>
      <Card>
        <DecisionFilters action={base} values={query} reviewers={campaign.reviewers.map((r) => r.reviewer)} teams={campaign.teams} pageSize={current.pageSize} />
        <DecisionsTable rows={decisions.rows} decide={decideAction} empty="No decision matches these filters." />
        <DataTablePagination page={decisions.page} pageSize={decisions.pageSize} total={decisions.total} totalCapped={false} rowsOnPage={decisions.rows.length}
          hrefForPage={(page) => withParams(base, current, { page })} />
      </Card>
    </>
  );
}
