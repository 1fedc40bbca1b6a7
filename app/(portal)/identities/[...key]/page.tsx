import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CsvLink } from "@/components/inventory/csv-link";
import { IdentityGrantRows, IdentityReach, UsedBy } from "@/components/inventory/identity-reach";
import { sortHeader } from "@/components/inventory/list-header";
import { ParamNotes } from "@/components/inventory/param-notes";
import { Card } from "@/components/ui/card";
import { DataTable, DataTableEmpty } from "@/components/ui/data-table";
import { DataTablePagination } from "@/components/ui/data-table-pagination";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { getIdentityReverseBlastRadius, inventoryContext } from "@/lib/inventory";
import { plural } from "@/lib/inventory/format";
import { identityDetailSchema } from "@/lib/inventory/schemas";
import { parseLenient } from "@/lib/inventory/search-params";
import { identityHref, keyFromSegments, withParams } from "@/lib/inventory/urls";

export const metadata: Metadata = { title: "Identity" };

type Props = { params: Promise<{ key: string[] }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function IdentityPage({ params, searchParams }: Props) {
  const user = await requirePagePermission("identities.read");
  const key = keyFromSegments((await params).key);
  if (!key) notFound();
  const { params: query, notes } = parseLenient(identityDetailSchema, await searchParams);
  const radius = await getIdentityReverseBlastRadius(inventoryContext(user), key, query);
  if (!radius) notFound();
  const i = radius.identity;
  const base = identityHref(key);
  const current = { q: query.q, policy: query.policy, sort: query.sort, dir: query.dir, page: query.page };
  const grants = radius.grants;
  return (
    <>
      <nav className="mb-1 text-xs text-slate-500"><Link href="/identities" className="hover:underline">Identities</Link> / {i.cluster} / {i.authMount}</nav>
      <PageHeader title={i.displayName ?? i.roleName} description={<span className="font-mono text-xs">{i.key} · {i.kind} ({i.authType})</span>}
        actions={
          <>
            {can(user.roles, "changes.create") ? (
              <Link href={`/changes/new?${new URLSearchParams({ kind: "access.grant", identityKey: i.key })}`} className="rounded-md border border-slate-300 px-2.5 py-1 text-sm hover:bg-slate-50">Request access to a secret</Link>
            ) : null}
            <CsvLink href={withParams(`/api${base}`, { q: query.q, policy: query.policy }, { format: "csv" })} label="Download readable secrets (CSV)" />
          </>
        } />
      <ParamNotes notes={notes} />
      <div data-testid="answer-reverse" className="mb-4 rounded-md border border-l-4 border-slate-200 border-l-brand-500 bg-white px-4 py-3 text-base shadow-sm">
        An attacker holding this identity can read <strong>{plural(radius.totalReadable, "secret")}</strong> through {plural(radius.byPolicy.length, "policy", "policies")}.
      </div>
      <div className="grid gap-4 xl:grid-cols-3">
        <div className="space-y-4 xl:col-span-2">
          <Card title="Readable through"><IdentityReach radius={radius} /></Card>
          <Card title={`Secrets it can read (${grants.totalCapped ? "10,000+" : grants.total.toLocaleString("en-US")})`}>
            <form method="get" action={base} className="mb-2 flex gap-2">
              <input type="search" name="q" defaultValue={query.q ?? ""} placeholder="Filter by path" className="flex-1 rounded-md border border-slate-300 px-2 py-1 text-sm" />
              {query.policy ? <input type="hidden" name="policy" value={query.policy} /> : null}
              <button className="rounded-md bg-brand-600 px-3 py-1 text-sm text-white">Filter</button>
            </form>
            <DataTable testId="identity-grants" head={[sortHeader(base, current, "Secret", "path", "asc"), { label: "Score", align: "right" }, sortHeader(base, current, "Why: (group →) policy → rule → capabilities", "policy", "asc")]}
              empty={grants.rows.length === 0 ? <DataTableEmpty>No readable secret matches.</DataTableEmpty> : null}>
              <IdentityGrantRows radius={radius} />
            </DataTable>
            <DataTablePagination page={grants.page} pageSize={grants.pageSize} total={grants.total} totalCapped={grants.totalCapped} rowsOnPage={grants.rows.length}
              hrefForPage={(page) => withParams(base, current, { page })} />
          </Card>
        </div>
        <div className="space-y-4">
          <Card title="Bindings">
            <pre className="overflow-x-auto whitespace-pre-wrap break-all font-mono text-xs text-slate-700">{JSON.stringify(i.bindings, null, 2)}</pre>
            <p className="mt-2 text-sm">Token policies: <span className="font-mono text-xs">{i.policies.join(", ") || "none"}</span></p>
          </Card>
          <Card title={`Groups (${radius.groups.length})`}>
            {radius.groups.length === 0 ? <p className="text-sm text-slate-500">Not a member of any identity group.</p> : (
              <ul className="text-sm">{radius.groups.map((g) => <li key={g.key}><Link href={identityHref(g.key)} className="text-brand-700 hover:underline">{g.roleName}</Link> <span className="font-mono text-xs text-slate-500">{g.policies.join(", ")}</span></li>)}</ul>
            )}
            {radius.memberCount > 0 ? <p className="mt-2 text-sm text-slate-600">{plural(radius.memberCount, "member")}: {radius.members.map((m) => m.roleName).join(", ")}</p> : null}
          </Card>
          <Card title="Used by"><UsedBy radius={radius} /></Card>
        </div>
      </div>
    </>
  );
}
