import type { Metadata } from "next";
import { CsvLink } from "@/components/inventory/csv-link";
import { FilterForm } from "@/components/inventory/filter-form";
import { IdentitiesTable } from "@/components/inventory/identities-table";
import { NoSnapshot } from "@/components/inventory/no-snapshot";
import { ParamNotes } from "@/components/inventory/param-notes";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { inventoryContext, listIdentities } from "@/lib/inventory";
import { IDENTITY_KINDS, identityListSchema } from "@/lib/inventory/schemas";
import { parseLenient } from "@/lib/inventory/search-params";
import { withParams } from "@/lib/inventory/urls";

export const metadata: Metadata = { title: "Identities" };

export default async function IdentitiesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePagePermission("identities.read");
  const { params, notes } = parseLenient(identityListSchema, await searchParams);
  const list = await listIdentities(inventoryContext(user), params);
  const current = { q: params.q, kind: params.kind, mount: params.mount, sort: params.sort, dir: params.dir, pageSize: params.pageSize === 50 ? undefined : params.pageSize, page: params.page };
  return (
    <>
      <PageHeader title="Identities" description="Auth roles and groups, and everything each can read (reverse blast radius)."
        actions={<CsvLink href={withParams("/api/identities", { ...current, page: undefined }, { format: "csv" })} />} />
      <ParamNotes notes={notes} />
      {list.snapshot === null ? <NoSnapshot /> : (
        <Card>
          <FilterForm action="/identities" q={params.q} placeholder="Role, group or mount, e.g. payments"
            selects={[
              { name: "kind", label: "Kind", value: params.kind, options: IDENTITY_KINDS.map((value) => ({ value })) },
              { name: "mount", label: "Auth mount", value: params.mount, options: list.mounts.map((value) => ({ value })) },
            ]}
            hidden={{ sort: current.sort, dir: current.dir, pageSize: current.pageSize }} />
          <IdentitiesTable list={list} current={current} />
        </Card>
      )}
    </>
  );
}
