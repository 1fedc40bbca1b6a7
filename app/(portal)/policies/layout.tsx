import type { ReactNode } from "react";
import { StaleBanner } from "@/components/sync/stale-banner";
import { loadSyncStatus } from "@/lib/sync/queries";

/** Every inventory page says when its data is stale (last sync failed) or not there yet. */
export default async function InventorySectionLayout({ children }: { children: ReactNode }) {
  const status = await loadSyncStatus();
  return (
    <>
      <StaleBanner status={status} />
      {children}
    </>
  );
}
