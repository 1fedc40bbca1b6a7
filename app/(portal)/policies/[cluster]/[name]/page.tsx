import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CsvLink } from "@/components/inventory/csv-link";
import { Card } from "@/components/ui/card";
import { DataTable, DataTableEmpty } from "@/components/ui/data-table";
import { DataTablePagination } from "@/components/ui/data-table-pagination";
import { SortableTable } from "@/components/ui/data-table-client";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { getPolicyBlastRadius, inventoryContext } from "@/lib/inventory";
import { plural } from "@/lib/inventory/format";
import { policyDetailSchema } from "@/lib/inventory/schemas";
import { parseLenient } from "@/lib/inventory/search-params";
import { identityHref, keyFromSegments, policyHref, secretHref, withParams } from "@/lib/inventory/urls";

export const metadata: Metadata = { title: "Policy" };

type Props = { params: Promise<{ cluster: string; name: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PolicyPage({ params, searchParams }: Props) {
  const user = await requirePagePermission("policies.read");
  const raw = await params;
  const cluster = keyFromSegments([raw.cluster]);
  const name = keyFromSegments([raw.name]);
  if (!cluster || !name) notFound();
  const { params: query } = parseLenient(policyDetailSchema, await searchParams);
  const radius = await getPolicyBlastRadius(inventoryContext(user), cluster, name, query);
  if (!radius) notFound();
  const base = policyHref(cluster, name);
  const g = radius.grants;
  return (
    <>
      <nav className="mb-1 text-xs text-slate-500"><Link href="/policies" className="hover:underline">Policies</Link> / {cluster}</nav>
      <PageHeader title={name} description={`${radius.versions.map((v) => v.origin).join(" and ")}${radius.drift ? " · live and Terraform disagree" : ""}`}
        actions={<CsvLink href={withParams(`/api${base}`, { q: query.q }, { format: "csv" })} label="Download decided grants (CSV)" />} />
      <div data-testid="answer-policy" className="mb-4 rounded-md border border-l-4 border-slate-200 border-l-brand-500 bg-white px-4 py-3 text-base shadow-sm">
        Changing or deleting it touches <strong>{plural(radius.direct.length, "identity", "identities")}</strong> directly
        {radius.viaGroups.length ? <>, <strong>{plural(radius.viaGroups.length, "member")}</strong> through groups</> : null}, and decides <strong>{g.totalCapped ? "10,000+" : plural(g.total, "grant")}</strong>.
      </div>
      <div className="grid gap-4 xl:grid-cols-2">
        {radius.versions.map((v) => (
          <Card key={v.origin} title={v.origin === "live" ? "Live in Vault" : `Terraform${v.file ? `: ${v.file}` : ""}${v.commit ? ` @ ${v.commit.slice(0, 8)}` : ""}`}>
            {v.parseError ? <p className="mb-2 text-sm text-red-700">Parse error: {v.parseError}</p> : null}
            <pre className="max-h-72 overflow-auto rounded bg-slate-900 p-3 font-mono text-xs leading-5 text-slate-100">{v.rawHcl}</pre>
            <SortableTable testId={`rules-${v.origin}`} empty="No rules."
              columns={[{ id: "path", label: "Rule path" }, { id: "kind", label: "Kind" }, { id: "caps", label: "Capabilities" }, { id: "line", label: "Line", align: "right" }]}
              rows={v.rules.map((r) => ({ id: r.path, cells: { path: { text: r.path, mono: true }, kind: { text: r.templated ? `${r.kind}, templated` : r.kind }, caps: { text: r.capabilities.join(", "), tone: r.capabilities.includes("deny") ? "red" : undefined }, line: { text: r.line?.toString() ?? "—", sort: r.line ?? 0 } } }))} />
          </Card>
        ))}
        <Card title={`Carried by (${radius.direct.length} directly, ${radius.viaGroups.length} through groups)`}>
          <SortableTable testId="policy-carriers" empty="Nobody carries this policy."
            columns={[{ id: "identity", label: "Identity" }, { id: "how", label: "How" }]}
            rows={[
              ...radius.direct.map((i) => ({ id: i.key, cells: { identity: { text: i.key, href: identityHref(i.key), mono: true }, how: { text: i.kind === "group" ? "group policy" : "token policy" } } })),
              ...radius.viaGroups.map((m) => ({ id: `${m.group}>${m.member.key}`, cells: { identity: { text: m.member.key, href: identityHref(m.member.key), mono: true }, how: { text: `member of ${m.group}`, href: identityHref(m.group) } } })),
            ]} />
        </Card>
        <Card title="Grants it decides, per rule">
          <SortableTable testId="policy-by-rule" empty="It decides no grant on a synced secret."
            columns={[{ id: "rule", label: "Rule" }, { id: "grants", label: "Grants", align: "right" }, { id: "ids", label: "Identities", align: "right" }]}
            rows={radius.byRule.map((b) => ({ id: b.rulePath, cells: { rule: { text: b.rulePath, mono: true }, grants: { text: String(b.grants), sort: b.grants }, ids: { text: String(b.identities), sort: b.identities } } }))} />
        </Card>
      </div>
      <Card title="Decided grants" className="mt-4">
        <DataTable testId="policy-grants" head={[{ label: "Identity" }, { label: "Secret" }, { label: "Rule → capabilities" }, { label: "If removed" }]}
          empty={g.rows.length === 0 ? <DataTableEmpty>No grant.</DataTableEmpty> : null}>
          {g.rows.map((r) => (
            <tr key={`${r.identityKey}/${r.secretKey}`}>
              <td className="py-1.5 pr-4"><Link className="text-brand-700 hover:underline" href={identityHref(r.identityKey)}>{r.identityKey}</Link>{r.viaGroup ? <div className="text-xs text-slate-500">via {r.viaGroup}</div> : null}</td>
              <td className="py-1.5 pr-4"><Link className="font-mono text-xs text-brand-700 hover:underline" href={secretHref(r.secretKey)}>{r.secretKey}</Link></td>
              <td className="py-1.5 pr-4 font-mono text-xs">{r.rulePath} → {r.capabilities.join(", ")}</td>
              <td className={`py-1.5 pr-4 text-xs ${r.soleDecider ? "text-amber-700" : "text-slate-500"}`}>{r.soleDecider ? "access changes" : "another policy keeps it"}</td>
            </tr>
          ))}
        </DataTable>
        <DataTablePagination page={g.page} pageSize={g.pageSize} total={g.total} totalCapped={g.totalCapped} rowsOnPage={g.rows.length} hrefForPage={(page) => withParams(base, { q: query.q }, { page })} />
      </Card>
    </>
  );
}
