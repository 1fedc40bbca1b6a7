import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { SectionPlaceholder } from "@/components/ui/section-placeholder";
import { requirePagePermission } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Health" };

export default async function Page() {
  await requirePagePermission("health.read");
  return (
    <>
      <PageHeader title="Health" description="Leases and certificates." />
      <SectionPlaceholder capability="Health" what="Lease TTLs and renewal failures, certificate expiry timeline, revoked and weak certificates, CRL freshness." />
    </>
  );
}
