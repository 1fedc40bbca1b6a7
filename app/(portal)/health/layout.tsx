import type { ReactNode } from "react";
import { StaleSection } from "@/components/sync/stale-section";

/** Health shows the last good snapshot when a sync failed (e.g. Vault down): the banner says so. */
export default function HealthLayout({ children }: { children: ReactNode }) {
  return <StaleSection>{children}</StaleSection>;
}
