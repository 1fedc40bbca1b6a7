import type { Metadata } from "next";
import { CsvLink } from "@/components/inventory/csv-link";
import { FilterForm } from "@/components/inventory/filter-form";
import { NoSnapshot } from "@/components/inventory/no-snapshot";
import { ParamNotes } from "@/components/inventory/param-notes";
import { PoliciesTable } from "@/components/inventory/policies-table";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { inventoryContext, listPolicies } from "@/lib/inventory";
import { policyListSchema } from "@/lib/inventory/schemas";
import { parseLenient } from "@/lib/inventory/search-params";
import { withParams } from "@/lib/inventory/urls";

export const metadata: Metadata = { title: "Policies" };

const ORIGINS = [
  { value: "both", label: "in Vault and Terraform" }, { value: "live-only", label: "live only (click-ops)" },
  { value: "terraform-only", label: "Terraform only" }, { value: "live", label: "in Vault" }, { value: "terraform", label: "in Terraform" },
];

export default async function PoliciesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePagePermission("policies.read");
  const { params, notes } = parseLenient(policyListSchema, await searchParams);
  const list = await listPolicies(inventoryContext(user), params);
  const current = { q: params.q, cluster: params.cluster, origin: params.origin, sort: params.sort, dir: params.dir, pageSize: params.pageSize === 50 ? undefined : params.pageSize, page: params.page };
  return (
    <>
      <PageHeader title="Policies" description="Vault ACL policies, live and in Terraform: who carries each one and which grants it decides."
        actions={<CsvLink href={withParams("/api/policies", { ...current, page: undefined }, { format: "csv" })} />} />
      <ParamNotes notes={notes} />
      {list.snapshot === null ? <NoSnapshot /> : (
        <Card>
          <FilterForm action="/policies" q={params.q} placeholder="Policy name"
            selects={[
              { name: "cluster", label: "Cluster", value: params.cluster, options: list.clusters.map((value) => ({ value })) },
              { name: "origin", label: "Origin", value: params.origin, options: ORIGINS },
            ]}
            hidden={{ sort: current.sort, dir: current.dir, pageSize: current.pageSize }} />
          <PoliciesTable list={list} current={current} />
        </Card>
      )}
    </>
  );
}
