import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DependentsTable } from "@/components/inventory/dependents-table";
import { Card } from "@/components/ui/card";
import { SortableTable } from "@/components/ui/data-table-client";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { getWorkload, inventoryContext } from "@/lib/inventory";
import { formatPropagation } from "@/lib/inventory/format";
import { identityHref, keyFromSegments, secretHref, workloadHref } from "@/lib/inventory/urls";

export const metadata: Metadata = { title: "Workload" };

export default async function WorkloadPage({ params }: { params: Promise<{ key: string[] }> }) {
  const user = await requirePagePermission("workloads.read");
  const key = keyFromSegments((await params).key);
  if (!key) notFound();
  const detail = await getWorkload(inventoryContext(user), key);
  if (!detail) notFound();
  const w = detail.workload;
  return (
    <>
      <nav className="mb-1 text-xs text-slate-500"><Link href="/workloads" className="hover:underline">Workloads</Link> / {w.namespace ?? w.kind}</nav>
      <PageHeader title={w.name} description={<span className="font-mono text-xs">{w.key} · {w.kind}{w.source ? ` · ${w.source.file}${w.source.line ? `:${w.source.line}` : ""}` : ""}</span>} />
      <div className="grid gap-4 xl:grid-cols-3">
        <div className="space-y-4 xl:col-span-2">
          <Card title={`Consumes (${detail.consumes.length})`}>
            <SortableTable testId="workload-consumes" empty="It consumes no secret from Vault."
              columns={[{ id: "secret", label: "Secret" }, { id: "how", label: "How" }, { id: "identity", label: "As" }, { id: "propagation", label: "New value after" }]}
              rows={detail.consumes.map((c, i) => ({
                id: `${c.secretRef}#${i}`,
                cells: {
                  secret: c.secretKey ? { text: c.secretKey, href: secretHref(c.secretKey), mono: true, sub: c.manifest ? `${c.manifest.file}:${c.manifest.line ?? ""}` : undefined }
                    : { text: c.secretRef, mono: true, tone: "red", sub: "dangling: not in Vault" },
                  how: { text: `${c.mechanism}, ${c.reload}` },
                  identity: c.identity ? { text: `${c.identity.authMount}/${c.identity.roleName}`, href: identityHref(c.identity.key), mono: true } : { text: "—", tone: "slate" },
                  propagation: { text: formatPropagation(c.propagationSeconds), sub: c.propagationExplanation, sort: c.propagationSeconds ?? Number.MAX_SAFE_INTEGER, tone: c.propagationSeconds === null ? "amber" : undefined },
                },
              }))} />
          </Card>
          <Card title={`What breaks when it breaks (${detail.dependents.length})`}>
            <DependentsTable dependents={detail.dependents} empty="Nothing depends on this workload." />
          </Card>
        </div>
        <div className="space-y-4">
          <Card title={`Depends on (${detail.dependsOn.length})`}>
            {detail.dependsOn.length === 0 ? <p className="text-sm text-slate-500">No declared dependencies.</p> : (
              <ul className="text-sm">{detail.dependsOn.map((d) => <li key={d.key}><Link href={workloadHref(d.key)} className="text-brand-700 hover:underline">{d.name}</Link> <span className="text-xs text-slate-500">{d.edgeKind}</span></li>)}</ul>
            )}
          </Card>
          <Card title="Authenticates as">
            {detail.identities.length === 0 ? <p className="text-sm text-slate-500">No Vault identity recorded.</p> : (
              <ul className="text-sm">{detail.identities.map((i) => <li key={i.key}><Link href={identityHref(i.key)} className="text-brand-700 hover:underline">{i.authMount}/{i.roleName}</Link> <span className="text-xs text-slate-500">its reverse blast radius</span></li>)}</ul>
            )}
          </Card>
          <Card title="Facts">
            <p className="text-sm">Owner: {w.ownerTeam ?? "—"} · reload: <span className={w.reload === "restart" ? "text-amber-700" : ""}>{w.reload ?? "unknown"}</span></p>
          </Card>
        </div>
      </div>
    </>
  );
}
