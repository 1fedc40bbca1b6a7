import { EmptyState } from "@/components/ui/empty-state";

/** The last sync did not read Terraform: drift is unknown, which must not look like "no drift". */
export function DriftNotCompared({ evidence }: { evidence: string }) {
  return (
    <EmptyState title="Vault has not been compared with Terraform" testId="drift-not-compared">
      <p>{evidence}</p>
      <p className="mt-2">Radius compares Vault with the Terraform repository named by TERRAFORM_REPO (branch TERRAFORM_BRANCH, default main) at every sync.</p>
    </EmptyState>
  );
}

export function NoDrift({ evidence }: { evidence: string }) {
  return (
    <EmptyState title="No drift: live Vault matches Terraform" testId="drift-none">
      <p>{evidence}</p>
    </EmptyState>
  );
}
