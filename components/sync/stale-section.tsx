import type { ReactNode } from "react";
import { loadSyncStatus } from "@/lib/sync/queries";
import { StaleBanner } from "./stale-banner";

/**
 * The body of a section layout whose pages show synced data: says when that data is stale (the
 * last sync failed) or not there yet, above the page.
 */
export async function StaleSection({ children }: { children: ReactNode }) {
  const status = await loadSyncStatus();
  return (
    <>
      <StaleBanner status={status} />
      {children}
    </>
  );
}
