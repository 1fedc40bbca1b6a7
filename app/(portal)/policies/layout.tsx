import type { ReactNode } from "react";
import { StaleSection } from "@/components/sync/stale-section";

/** Every inventory page says when its data is stale (last sync failed) or not there yet. */
export default function InventorySectionLayout({ children }: { children: ReactNode }) {
  return <StaleSection>{children}</StaleSection>;
}
