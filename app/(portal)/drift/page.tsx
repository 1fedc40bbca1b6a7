import type { Metadata } from "next";
import { DriftNotCompared, NoDrift } from "@/components/drift/drift-empty";
import { DriftVerdict } from "@/components/drift/drift-status-badge";
import { DriftSummaryTiles } from "@/components/drift/drift-summary-tiles";
import { DriftTable } from "@/components/drift/drift-table";
import { CsvLink } from "@/components/inventory/csv-link";
import { FilterForm } from "@/components/inventory/filter-form";
import { NoSnapshot } from "@/components/inventory/no-snapshot";
import { ParamNotes } from "@/components/inventory/param-notes";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { driftContext, getDriftSummary, listDrift } from "@/lib/drift";
import { DRIFT_KIND_LABEL, DRIFT_STATUS_LABEL, driftListSchema } from "@/lib/drift/schemas";
import { DRIFT_KINDS, DRIFT_STATUSES } from "@/lib/drift/types";
import { parseLenient } from "@/lib/inventory/search-params";
import { withParams } from "@/lib/inventory/urls";

export const metadata: Metadata = { title: "Drift" };

const KIND_OPTIONS = DRIFT_KINDS.map((value) => ({ value, label: DRIFT_KIND_LABEL[value] }));
const STATUS_OPTIONS = DRIFT_STATUSES.map((value) => ({ value, label: DRIFT_STATUS_LABEL[value] }));

export default async function DriftPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePagePermission("drift.read");
  const { params, notes } = parseLenient(driftListSchema, await searchParams);
  const ctx = driftContext(user);
  const [summary, list] = await Promise.all([getDriftSummary(ctx), listDrift(ctx, params)]);
  const current = { q: params.q, kind: params.kind, status: params.status, sort: params.sort, dir: params.dir, pageSize: params.pageSize === 50 ? undefined : params.pageSize, page: params.page };
  const header = (
    <PageHeader title="Drift" description="Live Vault compared with the Terraform repository at every sync: policies, auth roles and mounts made outside Terraform (click-ops), not applied, or different."
      actions={summary.total > 0 ? <CsvLink href={withParams("/api/drift", { ...current, page: undefined }, { format: "csv" })} /> : null} />
  );
  if (summary.snapshot === null) return <>{header}<NoSnapshot /></>;
  if (summary.comparison === null) return <>{header}<DriftNotCompared evidence={summary.evidence} /></>;
  return (
    <>
      {header}
      <ParamNotes notes={notes} />
      <div className="space-y-4">
        <DriftVerdict status={summary.status} evidence={summary.evidence} />
        {summary.total === 0 ? <NoDrift evidence={summary.evidence} /> : (
          <>
            <DriftSummaryTiles summary={summary} />
            <Card>
              <FilterForm action="/drift" q={params.q} placeholder="Name, file or rule path"
                selects={[
                  { name: "kind", label: "Kind", value: params.kind, options: KIND_OPTIONS },
                  { name: "status", label: "Status", value: params.status, options: STATUS_OPTIONS },
                ]}
                hidden={{ sort: current.sort, dir: current.dir, pageSize: current.pageSize }} />
              <DriftTable list={list} current={current} />
            </Card>
          </>
        )}
      </div>
    </>
  );
}
