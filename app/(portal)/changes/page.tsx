import type { Metadata } from "next";
import Link from "next/link";
import { ChangesTable } from "@/components/changes/changes-table";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { changesContext, listChangeRequests } from "@/lib/changes";
import { changeListSchema } from "@/lib/changes/list-schema";
import { pollChangeStatuses } from "@/lib/changes/poll-statuses";
import { parseLenient } from "@/lib/inventory/search-params";

export const metadata: Metadata = { title: "Changes" };

export default async function ChangesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePagePermission("changes.read");
  const { params } = parseLenient(changeListSchema, await searchParams);
  const ctx = changesContext(user);
  pollChangeStatuses(ctx.db);
  const list = await listChangeRequests(ctx, params);
  const canCreate = can(user.roles, "changes.create");
  const tab = (scope: "mine" | "all", label: string) => (
    <Link
      href={`/changes?${new URLSearchParams({ scope, ...(params.status ? { status: params.status } : {}) })}`}
      aria-current={params.scope === scope ? "page" : undefined}
      className={`-mb-px border-b-2 px-3 py-2 text-sm ${params.scope === scope ? "border-brand-600 font-medium text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
    >
      {label}
    </Link>
  );
  return (
    <>
      <PageHeader
        title="Changes"
        description="Every change to Vault is a Terraform pull request, reviewed by humans and applied by CI. Radius never writes to Vault."
        actions={canCreate ? <Link href="/changes/new?kind=secret.create" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">New request</Link> : null}
      />
      <Card>
        <div className="mb-3 flex items-end justify-between gap-3 border-b border-slate-200">
          <nav aria-label="Whose requests" className="flex gap-1">
            {tab("mine", "My requests")}
            {tab("all", "All requests")}
          </nav>
          <form method="get" action="/changes" className="mb-2 flex items-center gap-2 text-sm">
            <input type="hidden" name="scope" value={params.scope} />
            <label className="text-xs text-slate-500" htmlFor="status-filter">Status</label>
            <select id="status-filter" name="status" defaultValue={params.status ?? ""} className="rounded-md border border-slate-300 px-2 py-1 text-sm">
              <option value="">All</option>
              {["open", "merged", "closed", "failed"].map((s) => <option key={s} value={s}>{s}</option>)}
            </select>
            <button type="submit" className="rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-50">Apply</button>
          </form>
        </div>
        {list.rows.length === 0 ? (
          <EmptyState title={params.scope === "mine" ? "You have not requested a change yet" : "No change requests yet"} testId="changes-empty">
            {canCreate ? <>Request a new secret path, access for an identity, a revocation or a rotation period: <Link className="text-brand-700 underline" href="/changes/new?kind=secret.create">open a request</Link>.</> : "Engineers, security and admins can request changes."}
          </EmptyState>
        ) : (
          <ChangesTable list={list} params={params} />
        )}
      </Card>
    </>
  );
}
