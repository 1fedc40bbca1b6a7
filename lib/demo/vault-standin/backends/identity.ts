/** Identity secrets engine: groups by id and by name (reference/vault-api.md; Vault's handleGroupReadCommon). */
import { notFound } from "../errors";
import { listOf, ok, type Backend } from "../backend";
import type { VaultAuthMount, VaultIdentityGroup } from "../../vault-world";

export function createIdentityBackend(groups: readonly VaultIdentityGroup[], authMounts: readonly VaultAuthMount[], createdAt: string): Backend {
  const byId = new Map(groups.map((g) => [g.id, g]));
  const byName = new Map(groups.map((g) => [g.name.toLowerCase(), g]));
  const parents = new Map<string, string[]>();
  for (const g of groups) for (const child of g.memberGroupIds) parents.set(child, [...(parents.get(child) ?? []), g.id]);
  const mountByAccessor = new Map(authMounts.map((m) => [m.accessor, m]));
  const ids = groups.map((g) => g.id).sort();
  const names = groups.map((g) => g.name).sort();

  const aliases = new Map(groups.filter((g) => g.alias).map((g) => [g.alias!.id, g]));
  const aliasIds = [...aliases.keys()].sort();
  const renderAlias = (g: VaultIdentityGroup): Record<string, unknown> => {
    const alias = g.alias!;
    const mount = mountByAccessor.get(alias.mountAccessor);
    return {
      canonical_id: g.id,
      creation_time: createdAt,
      id: alias.id,
      last_update_time: createdAt,
      merged_from_canonical_ids: null,
      metadata: null,
      mount_accessor: alias.mountAccessor,
      mount_path: mount ? `auth/${mount.path}/` : "",
      mount_type: mount?.type ?? "",
      name: alias.name,
      namespace_id: "root",
    };
  };

  const render = (g: VaultIdentityGroup): Record<string, unknown> => {
    return {
      // Vault sends an empty object, not null, when the group has no alias.
      alias: g.alias ? renderAlias(g) : {},
      creation_time: createdAt,
      id: g.id,
      last_update_time: createdAt,
      member_entity_ids: g.memberEntityIds,
      member_group_ids: g.memberGroupIds,
      metadata: g.metadata,
      modify_index: 1,
      name: g.name,
      namespace_id: "root",
      parent_group_ids: parents.get(g.id) ?? [],
      policies: g.policies,
      type: g.type,
    };
  };
  const keyInfo = (g: VaultIdentityGroup) => ({ name: g.name, num_member_entities: g.memberEntityIds.length, num_parent_groups: (parents.get(g.id) ?? []).length });

  return {
    type: "identity",
    routes: [
      {
        pattern: /^group\/id\/?$/,
        ops: { list: () => ok(ids.length > 0 ? { keys: ids, key_info: Object.fromEntries(groups.map((g) => [g.id, keyInfo(g)])) } : null) },
      },
      {
        pattern: /^group\/id\/(?<id>[^/]+)$/,
        ops: {
          read: (req) => {
            const g = byId.get(req.params.id ?? "");
            if (!g) throw notFound();
            return ok(render(g));
          },
        },
      },
      {
        pattern: /^group-alias\/id\/?$/,
        ops: {
          list: () => {
            const info = (g: VaultIdentityGroup) => {
              const { canonical_id, mount_accessor, mount_path, mount_type, name } = renderAlias(g);
              return { canonical_id, mount_accessor, mount_path, mount_type, name };
            };
            return ok(aliasIds.length > 0 ? { keys: aliasIds, key_info: Object.fromEntries([...aliases].map(([id, g]) => [id, info(g)])) } : null);
          },
        },
      },
      {
        pattern: /^group-alias\/id\/(?<id>[^/]+)$/,
        ops: {
          read: (req) => {
            const g = aliases.get(req.params.id ?? "");
            if (!g) throw notFound();
            return ok(renderAlias(g));
          },
        },
      },
      { pattern: /^group\/name\/?$/, ops: { list: () => listOf(names.length > 0 ? names : undefined) } },
      {
        pattern: /^group\/name\/(?<name>[^/]+)$/,
        ops: {
          read: (req) => {
            const g = byName.get((req.params.name ?? "").toLowerCase());
            if (!g) throw notFound();
            return ok(render(g));
          },
        },
      },
    ],
  };
}
