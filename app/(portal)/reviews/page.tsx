import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { SectionPlaceholder } from "@/components/ui/section-placeholder";
import { requirePagePermission } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Reviews" };

export default async function Page() {
  await requirePagePermission("reviews.read");
  return (
    <>
      <PageHeader title="Reviews" description="Access-review campaigns." />
      <SectionPlaceholder capability="Detection and access review" what="Access-review campaigns: keep or revoke each grant, with evidence of use." />
    </>
  );
}
