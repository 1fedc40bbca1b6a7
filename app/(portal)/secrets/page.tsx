import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { SectionPlaceholder } from "@/components/ui/section-placeholder";
import { requirePagePermission } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Secrets" };

export default async function Page() {
  await requirePagePermission("secrets.read");
  return (
    <>
      <PageHeader title="Secrets" description="Every secret in every Vault cluster: who can read it, what breaks if it is rotated, and how long rotation takes." />
      <SectionPlaceholder capability="Blast radius" what="Every secret with its readers, consumers, dependents, propagation time and exposure score, searchable and filterable." />
    </>
  );
}
