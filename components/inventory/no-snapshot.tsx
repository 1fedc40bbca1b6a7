import { EmptyState } from "@/components/ui/empty-state";

/** Before the first sync finishes there is nothing to show, and the page says so. */
export function NoSnapshot() {
  return (
    <EmptyState title="No inventory yet" testId="no-snapshot">
      <p>The first sync has not finished. Radius reads Vault, Terraform, manifests and workflows, then shows them here.</p>
    </EmptyState>
  );
}
