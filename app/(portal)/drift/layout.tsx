import type { ReactNode } from "react";
import { StaleBanner } from "@/components/sync/stale-banner";
import { loadSyncStatus } from "@/lib/sync/queries";

/** Drift is computed by the sync: the banner says when the snapshot shown is stale or missing. */
export default async function DriftLayout({ children }: { children: ReactNode }) {
  const status = await loadSyncStatus();
  return (
    <>
      <StaleBanner status={status} />
      {children}
    </>
  );
}
