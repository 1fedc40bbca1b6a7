/** URLs of drift actions (safe for the client). */

/** The change-request form, prefilled to bring a live-only policy into Terraform. */
export function codifyPolicyHref(cluster: string, policyName: string): string {
  return `/changes/new?${new URLSearchParams({ kind: "policy.codify", cluster, policyName }).toString()}`;
}
