import type { ReactNode } from "react";
import { StaleBanner } from "@/components/sync/stale-banner";
import { loadSyncStatus } from "@/lib/sync/queries";

/** Health shows the last good snapshot when a sync failed (e.g. Vault down): the banner says so. */
export default async function HealthLayout({ children }: { children: ReactNode }) {
  const status = await loadSyncStatus();
  return (
    <>
      <StaleBanner status={status} />
      {children}
    </>
  );
}
