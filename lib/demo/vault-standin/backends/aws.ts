/** AWS secrets engine: roles (LIST + GET). Credential generation is not modelled. */
import type { Backend } from "../backend";
import { collectionRoutes, list, num } from "./collection-routes";
import { NamedStore } from "./named-store";
import type { AwsRole } from "../../vault-world";

export function createAwsBackend(roles: readonly AwsRole[]): Backend {
  return {
    type: "aws",
    routes: collectionRoutes({
      prefix: "roles",
      store: new NamedStore(roles),
      render: (r) => ({
        credential_type: r.credentialType,
        default_sts_ttl: r.defaultStsTtl,
        external_id: "",
        iam_groups: null,
        iam_tags: null,
        max_sts_ttl: r.maxStsTtl,
        mfa_serial_number: "",
        permissions_boundary_arn: "",
        policy_arns: r.policyArns,
        policy_document: "",
        role_arns: r.roleArns,
        session_tags: null,
        user_path: "",
      }),
      fromBody: (name, b, e) => ({
        name,
        credentialType: (b.credential_type as AwsRole["credentialType"] | undefined) ?? e?.credentialType ?? "iam_user",
        policyArns: list(b.policy_arns, e?.policyArns ?? []),
        roleArns: list(b.role_arns, e?.roleArns ?? []),
        defaultStsTtl: num(b.default_sts_ttl, e?.defaultStsTtl ?? 0),
        maxStsTtl: num(b.max_sts_ttl, e?.maxStsTtl ?? 0),
      }),
    }),
  };
}
