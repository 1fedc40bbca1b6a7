import type { Metadata } from "next";
import { FilterForm } from "@/components/inventory/filter-form";
import { CsvLink } from "@/components/inventory/csv-link";
import { NoSnapshot } from "@/components/inventory/no-snapshot";
import { ParamNotes } from "@/components/inventory/param-notes";
import { SecretsTable, currentSecretParams } from "@/components/inventory/secrets-table";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { inventoryContext, listSecrets } from "@/lib/inventory";
import { secretListSchema } from "@/lib/inventory/schemas";
import { parseLenient } from "@/lib/inventory/search-params";
import { withParams } from "@/lib/inventory/urls";

export const metadata: Metadata = { title: "Secrets" };

export default async function SecretsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePagePermission("secrets.read");
  const { params, notes } = parseLenient(secretListSchema, await searchParams);
  const list = await listSecrets(inventoryContext(user), params);
  const current = currentSecretParams(params);
  const csv = can(user.roles, "secrets.export") ? withParams("/api/secrets", { ...current, page: undefined }, { format: "csv" }) : null;
  const opts = (values: string[]) => values.map((value) => ({ value }));
  return (
    <>
      <PageHeader
        title="Secrets"
        description="Every secret in every Vault cluster: who can read it, what breaks if it is rotated, and how long rotation takes."
        actions={csv ? <CsvLink href={csv} /> : null}
      />
      <ParamNotes notes={notes} />
      {list.snapshot === null ? (
        <NoSnapshot />
      ) : (
        <Card>
          <FilterForm
            action="/secrets"
            q={params.q}
            placeholder="Path, mount or cluster, e.g. payments stripe"
            selects={[
              { name: "mount", label: "Mount", value: params.mount, options: opts(list.facets.mounts) },
              { name: "environment", label: "Environment", value: params.environment, options: opts(list.facets.environments) },
              { name: "team", label: "Team", value: params.team, options: opts(list.facets.teams) },
              { name: "engine", label: "Engine", value: params.engine, options: opts(list.facets.engines) },
              { name: "classification", label: "Classification", value: params.classification, options: opts(list.facets.classifications) },
              { name: "minScore", label: "Score at least", value: params.minScore?.toString(), options: [25, 50, 75].map((n) => ({ value: String(n), label: `${n}+` })) },
            ]}
            hidden={{ sort: current.sort, dir: current.dir, pageSize: current.pageSize }}
          />
          <SecretsTable list={list} params={params} />
        </Card>
      )}
    </>
  );
}
