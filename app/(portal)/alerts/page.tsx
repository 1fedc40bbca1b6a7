import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { SectionPlaceholder } from "@/components/ui/section-placeholder";
import { requirePagePermission } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Alerts" };

export default async function Page() {
  await requirePagePermission("alerts.read");
  return (
    <>
      <PageHeader title="Alerts" description="Signals from the Vault audit log that precede incidents." />
      <SectionPlaceholder capability="Detection and access review" what="Alerts from the Vault audit log: auth failure bursts, out-of-hours production reads, root token use, bulk reads from unknown addresses." />
    </>
  );
}
