/** ACL policies: LIST sys/policies/acl + GET each. "root" is built in with no text: skipped. */
import type { PolicyRecord } from "@/lib/sync/snapshot-data";
import { getValidated, listKeys, type CollectContext } from "./collect-context";
import { policySchema } from "./schemas";

export async function collectPolicies(ctx: CollectContext): Promise<PolicyRecord[]> {
  const names = ((await listKeys(ctx, "sys/policies/acl")) ?? []).filter((n) => n !== "root");
  const policies = await Promise.all(
    names.map(async (name): Promise<PolicyRecord | null> => {
      const body = await getValidated(ctx, `sys/policies/acl/${encodeURIComponent(name)}`, policySchema);
      return body ? { cluster: ctx.cluster, name: body.data.name, origin: "live", rawHcl: body.data.policy, file: null, commit: null } : null;
    }),
  );
  return policies.filter((p): p is PolicyRecord => p !== null);
}
