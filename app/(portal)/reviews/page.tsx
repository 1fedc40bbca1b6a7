import type { Metadata } from "next";
import Link from "next/link";
import { CampaignsTable } from "@/components/review/campaigns-table";
import { Card } from "@/components/ui/card";
import { DataTablePagination } from "@/components/ui/data-table-pagination";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { parseLenient } from "@/lib/inventory/search-params";
import { CAMPAIGNS_PER_PAGE, listCampaigns, requireReviewsPage, reviewContext } from "@/lib/review";
import { remindReviewersInBackground } from "@/lib/review/remind-on-view";
import { campaignListSchema } from "@/lib/review/schemas";

export const metadata: Metadata = { title: "Reviews" };

export default async function ReviewsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireReviewsPage();
  const { params } = parseLenient(campaignListSchema, await searchParams);
  const ctx = reviewContext(user);
  remindReviewersInBackground(ctx.db);
  const list = await listCampaigns(ctx, params);
  const mineOnly = !can(user.roles, "reviews.read");
  const href = (page: number) => `/reviews?${new URLSearchParams({ ...(params.status ? { status: params.status } : {}), page: String(page) })}`;
  return (
    <>
      <PageHeader
        title="Reviews"
        description={mineOnly ? "Access-review campaigns that ask you to keep or revoke grants." : "Access-review campaigns: each grant kept or revoked by its owner team, with a justification and the evidence of use."}
        actions={can(user.roles, "reviews.manage") ? (
          <Link href="/reviews/new" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">New campaign</Link>
        ) : null}
      />
      <Card>
        <nav className="mb-3 flex gap-3 text-sm" aria-label="Status">
          {[undefined, "open", "closed"].map((s) => (
            <Link key={s ?? "all"} href={s ? `/reviews?status=${s}` : "/reviews"} aria-current={params.status === s ? "page" : undefined}
              className={params.status === s ? "font-medium text-slate-900" : "text-brand-700 hover:underline"}>
              {s ?? "all"}
            </Link>
          ))}
        </nav>
        <CampaignsTable rows={list.rows} mineOnly={mineOnly} />
        {list.page > 1 || list.hasNext ? (
          <DataTablePagination page={list.page} pageSize={CAMPAIGNS_PER_PAGE} total={(list.page - 1) * CAMPAIGNS_PER_PAGE + list.rows.length} totalCapped={list.hasNext}
            rowsOnPage={list.rows.length} hrefForPage={href} />
        ) : null}
      </Card>
    </>
  );
}
