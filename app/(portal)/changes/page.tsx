import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { SectionPlaceholder } from "@/components/ui/section-placeholder";
import { requirePagePermission } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Changes" };

export default async function Page() {
  await requirePagePermission("changes.read");
  return (
    <>
      <PageHeader title="Changes" description="Every change to Vault is a reviewed Terraform pull request." />
      <SectionPlaceholder capability="Changes" what="Requests for new secret paths, access and revocations, each a reviewed Terraform pull request." />
    </>
  );
}
