import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeltaTable } from "@/components/changes/delta-table";
import { DiffView } from "@/components/changes/diff-view";
import { KIND_LABELS } from "@/components/changes/kind-tabs";
import { ChangeStatusBadge } from "@/components/changes/status-badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { changesContext, getChangeRequest } from "@/lib/changes";

export const metadata: Metadata = { title: "Change request" };

export default async function ChangePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePagePermission("changes.read");
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const change = await getChangeRequest(changesContext(user), id);
  if (!change) notFound();
  return (
    <>
      <nav className="mb-2 text-xs text-slate-500"><Link href="/changes" className="hover:underline">Changes</Link> / {KIND_LABELS[change.kind] ?? change.kind}</nav>
      <PageHeader
        title={change.title}
        description={<>Requested by {change.requesterEmail} on {new Date(change.createdAt).toUTCString()}.</>}
        actions={change.prUrl ? <a data-testid="pr-link" href={change.prUrl} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50">{change.provider === "local" ? `Local branch ${change.branch}` : `Pull request #${change.prNumber}`}</a> : null}
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title="Status" className="lg:col-span-1">
          <dl className="grid grid-cols-[8rem_1fr] gap-y-1.5 text-sm">
            <dt className="text-slate-500">Status</dt><dd><ChangeStatusBadge status={change.status} /></dd>
            <dt className="text-slate-500">Provider</dt><dd>{change.provider ?? "—"}</dd>
            <dt className="text-slate-500">Branch</dt><dd className="font-mono text-xs" data-testid="branch">{change.branch ?? "—"}</dd>
            <dt className="text-slate-500">Approved by</dt><dd>{change.approvedBy.length ? change.approvedBy.join(", ") : "nobody yet"}</dd>
            <dt className="text-slate-500">Why</dt><dd className="whitespace-pre-wrap">{change.reason}</dd>
          </dl>
          {change.error ? <p role="alert" className="mt-3 rounded bg-red-50 p-2 text-sm text-red-800">{change.error}</p> : null}
        </Card>
        <Card title="Who gains or loses access" className="lg:col-span-2">
          <DeltaTable delta={change.delta} />
        </Card>
      </div>
      <Card title={`Terraform (${change.files.length} file${change.files.length === 1 ? "" : "s"})`} className="mt-4">
        <DiffView diff={change.diff} />
      </Card>
      <Card title="Pull request description" className="mt-4">
        <pre className="max-h-96 overflow-auto whitespace-pre-wrap text-xs text-slate-700" data-testid="pr-body">{change.body}</pre>
      </Card>
    </>
  );
}
