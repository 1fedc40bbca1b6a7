import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { SectionPlaceholder } from "@/components/ui/section-placeholder";
import { requirePagePermission } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Exports" };

export default async function Page() {
  await requirePagePermission("exports.create");
  return (
    <>
      <PageHeader title="Exports" description="Evidence for compliance." />
      <SectionPlaceholder capability="Compliance exports and the checklist dashboard" what="Evidence exports (CSV, JSON, PDF) with SHA-256 manifests." />
    </>
  );
}
