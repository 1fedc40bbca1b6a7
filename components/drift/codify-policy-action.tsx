import { codifyPolicyHref } from "@/lib/drift/urls";

/**
 * "Bring into Terraform" for a policy that exists only in live Vault: opens the change-request
 * form prefilled with kind=policy.codify, which renders the live policy as a vault_policy resource
 * and opens a pull request (the portal never writes to Vault).
 */
export function CodifyPolicyAction({ cluster, policyName }: { cluster: string; policyName: string }) {
  return (
    <a href={codifyPolicyHref(cluster, policyName)} data-testid="codify-policy"
      className="inline-block whitespace-nowrap rounded-md border border-brand-600 px-2 py-1 text-xs font-medium text-brand-700 hover:bg-brand-50">
      Bring into Terraform
    </a>
  );
}
