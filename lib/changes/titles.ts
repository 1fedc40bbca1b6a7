import type { ChangeInput } from "./schemas";

/** A one-line title from the validated input alone (the renderer refines it when it succeeds). */
export function changeTitle(input: ChangeInput): string {
  switch (input.kind) {
    case "secret.create":
      return `Create secret ${input.mount}/${input.path}`;
    case "access.grant":
      return `Grant ${input.access} on ${input.secretKey} to ${input.identityKey}`;
    case "access.revoke":
      return `Revoke access to ${input.secretKey} from ${input.identityKey}`;
    case "rotation.update":
      return `Set the rotation period of ${input.secretKey} to ${input.rotationPeriodDays} days`;
    case "policy.codify":
      return `Codify policy ${input.policyName} in Terraform`;
  }
}

/** "radius/<kind>/<first 8 hex of the id>": readable, unique per request, valid as a git ref. */
export function changeBranch(input: Pick<ChangeInput, "kind">, shortId: string): string {
  return `radius/${input.kind.replace(/\./g, "-")}/${shortId}`;
}

export const CHANGE_LABELS = ["radius", "vault"] as const;
