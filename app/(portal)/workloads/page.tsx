import type { Metadata } from "next";
import { CsvLink } from "@/components/inventory/csv-link";
import { FilterForm } from "@/components/inventory/filter-form";
import { NoSnapshot } from "@/components/inventory/no-snapshot";
import { ParamNotes } from "@/components/inventory/param-notes";
import { WorkloadsTable } from "@/components/inventory/workloads-table";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { inventoryContext, listWorkloads } from "@/lib/inventory";
import { WORKLOAD_KINDS, workloadListSchema } from "@/lib/inventory/schemas";
import { parseLenient } from "@/lib/inventory/search-params";
import { withParams } from "@/lib/inventory/urls";

export const metadata: Metadata = { title: "Workloads" };

export default async function WorkloadsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePagePermission("workloads.read");
  const { params, notes } = parseLenient(workloadListSchema, await searchParams);
  const list = await listWorkloads(inventoryContext(user), params);
  const current = { q: params.q, kind: params.kind, namespace: params.namespace, team: params.team, sort: params.sort, dir: params.dir, pageSize: params.pageSize === 50 ? undefined : params.pageSize, page: params.page };
  return (
    <>
      <PageHeader title="Workloads" description="Deployments, jobs and CI workflows that consume secrets, how they receive them and how they reload."
        actions={<CsvLink href={withParams("/api/workloads", { ...current, page: undefined }, { format: "csv" })} />} />
      <ParamNotes notes={notes} />
      {list.snapshot === null ? <NoSnapshot /> : (
        <Card>
          <FilterForm action="/workloads" q={params.q} placeholder="Name, namespace or repository"
            selects={[
              { name: "kind", label: "Kind", value: params.kind, options: WORKLOAD_KINDS.map((value) => ({ value })) },
              { name: "namespace", label: "Namespace", value: params.namespace, options: list.facets.namespaces.map((value) => ({ value })) },
              { name: "team", label: "Team", value: params.team, options: list.facets.teams.map((value) => ({ value })) },
            ]}
            hidden={{ sort: current.sort, dir: current.dir, pageSize: current.pageSize }} />
          <WorkloadsTable list={list} current={current} />
        </Card>
      )}
    </>
  );
}
