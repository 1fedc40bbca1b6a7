/**
 * Identity groups: LIST identity/group/id, GET each. Each group is an IdentityRecord (kind
 * "group", key "<cluster>:group/<name>"); member groups become MembershipRecords. An external
 * group's alias (an OIDC group claim mapped to the group) is how humans get policies: recorded as
 * bindings.alias = { name, authMount }, the mount resolved from the alias's mount accessor.
 */
import type { IdentityRecord, MembershipRecord } from "@/lib/sync/snapshot-data";
import { addProblem, getValidated, listKeys, type CollectContext } from "./collect-context";
import type { AuthMount } from "./mount-tables";
import { identityGroupSchema } from "./schemas";

type Group = NonNullable<Awaited<ReturnType<typeof readGroup>>>;

const readGroup = async (ctx: CollectContext, id: string) =>
  (await getValidated(ctx, `identity/group/id/${encodeURIComponent(id)}`, identityGroupSchema))?.data ?? null;

export async function collectIdentityGroups(ctx: CollectContext, authMounts: readonly AuthMount[]): Promise<{ identities: IdentityRecord[]; memberships: MembershipRecord[] }> {
  const ids = (await listKeys(ctx, "identity/group/id")) ?? [];
  const groups = (await Promise.all(ids.map((id) => readGroup(ctx, id)))).filter((g): g is Group => g !== null);
  const keyOf = (g: Group) => `${ctx.cluster}:group/${g.name}`;
  const byId = new Map(groups.map((g) => [g.id, g]));
  const mountByAccessor = new Map(authMounts.map((m) => [m.accessor, m.path]));

  const identities = groups.map((g): IdentityRecord => {
    const alias = g.alias?.name ? { name: g.alias.name, authMount: aliasMount(g.alias, mountByAccessor) } : null;
    return {
      key: keyOf(g),
      cluster: ctx.cluster,
      authMount: "group",
      authType: "group",
      roleName: g.name,
      kind: "group",
      displayName: g.name,
      bindings: { groupId: g.id, type: g.type, alias, memberGroupIds: g.member_group_ids, memberEntityIds: g.member_entity_ids, metadata: g.metadata ?? {} },
      policies: [...g.policies].sort(),
      ttlSeconds: null,
      maxTtlSeconds: null,
    };
  });

  const memberships: MembershipRecord[] = [];
  for (const g of groups) {
    for (const memberId of g.member_group_ids) {
      const member = byId.get(memberId);
      if (member) memberships.push({ groupKey: keyOf(g), memberKey: keyOf(member) });
      else addProblem(ctx, "GET", `identity/group/id/${g.id}`, `member group ${memberId} of ${g.name} was not found`, "warning");
    }
  }
  return { identities, memberships };
}

/** Accessor first (stable across remounts); the alias's own mount_path as a fallback. */
function aliasMount(alias: { mount_accessor?: string; mount_path?: string }, byAccessor: Map<string, string>): string | null {
  const fromAccessor = alias.mount_accessor ? byAccessor.get(alias.mount_accessor) : undefined;
  if (fromAccessor) return fromAccessor;
  const path = alias.mount_path?.replace(/^auth\//, "").replace(/\/+$/, "");
  return path || null;
}
