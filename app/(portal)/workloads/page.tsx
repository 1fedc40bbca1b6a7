import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { SectionPlaceholder } from "@/components/ui/section-placeholder";
import { requirePagePermission } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Workloads" };

export default async function Page() {
  await requirePagePermission("workloads.read");
  return (
    <>
      <PageHeader title="Workloads" description="Deployments, jobs and CI workflows that consume secrets." />
      <SectionPlaceholder capability="Blast radius" what="Every workload, how it receives its secrets (Vault Agent, External Secrets, CSI, CI) and how it reloads them." />
    </>
  );
}
