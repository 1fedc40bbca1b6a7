import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BlastRadiusGraph } from "@/components/graph/blast-radius-graph";
import { ConsumersTable } from "@/components/inventory/consumers-table";
import { DependentsTable } from "@/components/inventory/dependents-table";
import { EvidencePanel } from "@/components/inventory/evidence-panel";
import { ExposureTerms } from "@/components/inventory/exposure-terms";
import { ReadersTable } from "@/components/inventory/readers-table";
import { RotationTimeline } from "@/components/inventory/rotation-timeline";
import { ScoreBadge } from "@/components/inventory/score-badge";
import { SecretAnswers } from "@/components/inventory/secret-answers";
import { SecretFacts } from "@/components/inventory/secret-facts";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { getSecretBlastRadius, inventoryContext } from "@/lib/inventory";
import { keyFromSegments } from "@/lib/inventory/urls";

type Props = { params: Promise<{ key: string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const key = keyFromSegments((await params).key);
  return { title: key ? key.split("/").slice(-2).join("/") : "Secret" };
}

export default async function SecretPage({ params }: Props) {
  const user = await requirePagePermission("secrets.read");
  const key = keyFromSegments((await params).key);
  if (!key) notFound();
  const radius = await getSecretBlastRadius(inventoryContext(user), key);
  if (!radius) notFound();
  const s = radius.secret;
  const canRequest = can(user.roles, "changes.create");
  return (
    <>
      <nav className="mb-1 text-xs text-slate-500"><Link href="/secrets" className="hover:underline">Secrets</Link> / {s.cluster} / {s.mount}</nav>
      <PageHeader
        title={s.path}
        description={<span className="font-mono text-xs">{s.key}</span>}
        actions={
          <>
            {canRequest ? (
              <>
                <Link href={`/changes/new?${new URLSearchParams({ kind: "access.grant", secretKey: s.key })}`} className="rounded-md border border-slate-300 px-2.5 py-1 text-sm hover:bg-slate-50">Request access</Link>
                <Link href={`/changes/new?${new URLSearchParams({ kind: "rotation.update", secretKey: s.key })}`} className="rounded-md border border-slate-300 px-2.5 py-1 text-sm hover:bg-slate-50">Change rotation period</Link>
              </>
            ) : null}
            <span className="flex items-center gap-2 text-sm text-slate-600">Exposure <ScoreBadge score={radius.exposure.score} /></span>
          </>
        }
      />
      <SecretAnswers radius={radius} />
      <Card title="Blast radius" className="mb-4"><BlastRadiusGraph radius={radius} /></Card>
      <div className="grid gap-4 xl:grid-cols-3">
        <div className="space-y-4 xl:col-span-2">
          <Card title={`Readers (${radius.readers.length})${radius.grantsTruncated ? " — first 5,000 grants shown" : ""}`}>
            <ReadersTable readers={radius.readers} empty="No identity can read this secret." testId="readers-table" revokeFrom={canRequest ? s.key : undefined} />
          </Card>
          {radius.privileged.length > 0 ? (
            <Card title={`Privileged: root or sudo (${radius.privileged.length})`}>
              <ReadersTable readers={radius.privileged} empty="" testId="privileged-table" />
            </Card>
          ) : null}
          <Card title={`List only (${radius.listOnly.length})`}>
            <ReadersTable readers={radius.listOnly} empty="Nobody can list it without also reading it." testId="list-only-table" />
          </Card>
          <Card title={`Consumers (${radius.consumers.length})`}><ConsumersTable consumers={radius.consumers} /></Card>
          <Card title={`Transitive dependents (${radius.dependents.length})${radius.dependentsTruncated ? " — truncated" : ""}`}>
            <DependentsTable dependents={radius.dependents} empty="Nothing depends on its consumers." />
          </Card>
        </div>
        <div className="space-y-4">
          <Card title="Rotate now: simulation"><RotationTimeline steps={radius.rotation} /></Card>
          <Card title="Evidence from the audit log"><EvidencePanel evidence={radius.evidence} /></Card>
          <Card title="Exposure score"><ExposureTerms score={radius.exposure.score} terms={radius.exposure.terms} /></Card>
          <Card title="Metadata"><SecretFacts radius={radius} /></Card>
        </div>
      </div>
    </>
  );
}
