import type { ReactNode } from "react";
import { StaleSection } from "@/components/sync/stale-section";

/** Drift is computed by the sync: the banner says when the snapshot shown is stale or missing. */
export default function DriftLayout({ children }: { children: ReactNode }) {
  return <StaleSection>{children}</StaleSection>;
}
