/**
 * Identity groups: `vault_identity_group` (+ `vault_identity_group_policies`, which attaches
 * policies to a group defined elsewhere) and `vault_identity_group_alias`, which maps an external
 * group (e.g. an OIDC group claim) on an auth mount to a Vault group. Groups and mounts are linked
 * through `${vault_identity_group.x.id}` and `${vault_jwt_auth_backend.y.accessor}` references:
 * the referenced resource is looked up, since ids and accessors only exist after apply.
 */
import type { SourceProblem, TerraformResource } from "../types";
import { normalizeAuthMount } from "../kubernetes/vault-paths";
import { ResourceReader } from "./resource-reader";
import { resolveValue, type ResolveContext } from "./resolve-expressions";
import type { VaultIdentityGroupConfig } from "./vault-config-types";

const REF = /^\$\{\s*([\w-]+)\.([\w-]+)\.([\w-]+)\s*\}$/;

export function readIdentityGroups(resources: TerraformResource[], ctx: ResolveContext, problems: SourceProblem[]): VaultIdentityGroupConfig[] {
  const byAddress = new Map<string, VaultIdentityGroupConfig>();
  for (const res of resources.filter((x) => x.type === "vault_identity_group")) {
    const r = new ResourceReader(res, ctx, problems);
    const name = r.string("name");
    if (!name) { r.warn("no name; skipped"); continue; }
    byAddress.set(r.origin.address, {
      name, type: r.string("type") === "external" ? "external" : "internal", policies: r.strings("policies"),
      memberGroups: [], memberEntityIds: r.strings("member_entity_ids"), aliases: [], origin: r.origin,
    });
  }
  const groupOf = (raw: unknown, r: ResourceReader, attr: string): VaultIdentityGroupConfig | null => {
    const m = typeof raw === "string" ? REF.exec(raw) : null;
    const group = m && m[1] === "vault_identity_group" ? byAddress.get(`${m[1]}.${m[2]}`) : undefined;
    if (!group) r.warn(`${attr} = ${JSON.stringify(raw)} does not reference a vault_identity_group in this repository`);
    return group ?? null;
  };
  for (const [address, group] of byAddress) {
    const res = resources.find((x) => `${x.type}.${x.name}` === address);
    const raw = res?.attributes.member_group_ids;
    for (const id of Array.isArray(raw) ? raw : []) {
      const m = typeof id === "string" ? REF.exec(id) : null;
      const member = m ? byAddress.get(`${m[1]}.${m[2]}`) : undefined;
      group.memberGroups.push(member ? member.name : String(id));
    }
  }
  for (const res of resources) {
    if (res.type === "vault_identity_group_policies") {
      const r = new ResourceReader(res, ctx, problems);
      const group = groupOf(r.raw("group_id"), r, "group_id");
      if (group) group.policies = [...new Set([...group.policies, ...r.strings("policies")])];
    } else if (res.type === "vault_identity_group_alias") {
      const r = new ResourceReader(res, ctx, problems);
      const group = groupOf(r.raw("canonical_id"), r, "canonical_id");
      const name = r.string("name");
      if (group && name) group.aliases.push({ name, mount: mountOfAccessor(r.raw("mount_accessor"), ctx, r), origin: r.origin });
    }
  }
  return [...byAddress.values()];
}

/** `${vault_jwt_auth_backend.oidc.accessor}` -> that backend's path. */
function mountOfAccessor(raw: unknown, ctx: ResolveContext, r: ResourceReader): string | null {
  const m = typeof raw === "string" ? REF.exec(raw) : null;
  if (m && m[3] === "accessor") {
    const path = resolveValue(`\${${m[1]}.${m[2]}.path}`, ctx);
    if (typeof path.value === "string" && path.unresolved.length === 0) return normalizeAuthMount(path.value);
  }
  r.warn(`mount_accessor = ${JSON.stringify(raw)} does not reference an auth backend in this repository`);
  return null;
}
