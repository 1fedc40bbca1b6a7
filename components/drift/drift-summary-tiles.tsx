import { StatTiles } from "@/components/health/stat-tiles";
import type { DriftSummary } from "@/lib/drift/types";
import { withParams } from "@/lib/inventory/urls";

/** Counts per status and per kind; each tile opens the table filtered to it. */
export function DriftSummaryTiles({ summary }: { summary: DriftSummary }) {
  const href = (changes: Record<string, string>) => withParams("/drift", {}, changes);
  return (
    <StatTiles tiles={[
      { label: "Drifted resources", value: summary.total, tone: "warn", href: "/drift", testId: "tile-drift-total" },
      { label: "Only in Vault (click-ops)", value: summary.byStatus["vault-only"], tone: "bad", href: href({ status: "vault-only" }), testId: "tile-drift-vault-only" },
      { label: "Only in Terraform", value: summary.byStatus["terraform-only"], tone: "warn", href: href({ status: "terraform-only" }), testId: "tile-drift-terraform-only" },
      { label: "Different", value: summary.byStatus.different, tone: "warn", href: href({ status: "different" }), testId: "tile-drift-different" },
      { label: "Policies", value: summary.byKind.policy, href: href({ kind: "policy" }) },
      { label: "Auth roles", value: summary.byKind["auth-role"], href: href({ kind: "auth-role" }) },
      { label: "Mounts", value: summary.byKind.mount, href: href({ kind: "mount" }) },
    ]} />
  );
}
