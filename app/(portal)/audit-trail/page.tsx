import type { Metadata } from "next";
import { AuditTrailList } from "@/components/exports/audit-trail-list";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { auditTrailQuerySchema, exportContext, listAuditTrail } from "@/lib/exports";
import { parseLenient, type RawSearchParams } from "@/lib/inventory/search-params";

export const metadata: Metadata = { title: "Portal audit trail" };

export default async function AuditTrailPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePagePermission("audit-trail.read");
  const { params, notes } = parseLenient(auditTrailQuerySchema, await searchParams);
  const page = await listAuditTrail(await exportContext(user), params);
  return (
    <>
      <PageHeader
        title="Portal audit trail"
        description="Every portal action: who, what, when, from where. Append-only (a database trigger rejects edits) and hash-chained; verify the whole chain with `npx radius verify-audit`."
      />
      {notes.length ? <p className="mb-3 text-sm text-amber-800">Ignored: {notes.join("; ")}</p> : null}
      <Card>
        <AuditTrailList page={page} query={params} />
      </Card>
    </>
  );
}
