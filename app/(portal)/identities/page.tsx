import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { SectionPlaceholder } from "@/components/ui/section-placeholder";
import { requirePagePermission } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Identities" };

export default async function Page() {
  await requirePagePermission("identities.read");
  return (
    <>
      <PageHeader title="Identities" description="Auth roles and groups, and everything each can read." />
      <SectionPlaceholder capability="Blast radius" what="Every Kubernetes, CI, AppRole and human identity with what it can read and through which policy (reverse blast radius)." />
    </>
  );
}
