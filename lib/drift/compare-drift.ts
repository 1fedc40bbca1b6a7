/**
 * compareDrift: live Vault against the Terraform repository, resource by resource (policies, auth
 * roles, mounts), matched by name. Only in Vault = click-ops; only in Terraform = not applied;
 * both but meaning something different = drift with every difference in words. Pure: no I/O, the
 * policies arrive already parsed by lib/policy.
 */
import { authRoleName, compareAuthRole, describeAuthRole } from "./compare-auth-roles";
import { compareMount, describeMount, mountName } from "./compare-mounts";
import { comparePolicy, describePolicyRules } from "./compare-policies";
import { BUILT_IN_POLICIES, type DriftInput } from "./drift-input";
import type { DriftDifference, DriftKind, DriftRecord, DriftResult, TerraformLocation } from "./types";
import { where } from "./words";

interface KindSpec<S> {
  kind: DriftKind;
  key: (side: S) => string;
  compare: (live: S, tf: S) => DriftDifference[];
  describe: (side: S) => string;
  /** Live resources that are not drift when Terraform does not declare them (built-ins). */
  ignoreLiveOnly?: (name: string) => boolean;
  noun: string;
}

type Located<S> = S & { origin: TerraformLocation };

function compareKind<S>(spec: KindSpec<S>, live: readonly S[], tf: readonly Located<S>[], base: { cluster: string; commit: string }): { items: DriftRecord[]; compared: number } {
  const liveByName = new Map<string, S>();
  for (const s of live) if (!liveByName.has(spec.key(s))) liveByName.set(spec.key(s), s);
  const tfByName = new Map<string, Located<S>>();
  for (const s of tf) if (!tfByName.has(spec.key(s))) tfByName.set(spec.key(s), s); // the first declaration wins, as in the sync
  const names = [...new Set([...liveByName.keys(), ...tfByName.keys()])].sort();
  const items: DriftRecord[] = [];
  let compared = 0;
  for (const name of names) {
    const l = liveByName.get(name);
    const t = tfByName.get(name);
    if (l && !t && spec.ignoreLiveOnly?.(name)) continue;
    compared++;
    const record = { ...base, kind: spec.kind, name, terraform: t ? t.origin : null };
    if (l && !t) {
      items.push({ ...record, status: "vault-only", differences: [],
        explanation: `In Vault only: ${spec.describe(l)}, but no Terraform resource declares this ${spec.noun}. It was made outside Terraform (click-ops).` });
    } else if (!l && t) {
      items.push({ ...record, status: "terraform-only", differences: [],
        explanation: `In Terraform only: ${where(t.origin.file, t.origin.line)} declares this ${spec.noun} (${spec.describe(t)}), but Vault does not have it. Not applied yet, or deleted in Vault.` });
    } else if (l && t) {
      const differences = spec.compare(l, t);
      if (differences.length > 0) items.push({ ...record, status: "different", differences, explanation: differences.map((d) => d.text).join("; ") });
    }
  }
  return { items, compared };
}

export function compareDrift(input: DriftInput): DriftResult {
  const base = { cluster: input.cluster, commit: input.commit };
  const policies = compareKind({
    kind: "policy", noun: "policy", key: (p) => p.name, compare: comparePolicy,
    describe: (p) => `the policy has ${describePolicyRules(p)}`,
    ignoreLiveOnly: (name) => BUILT_IN_POLICIES.has(name),
  }, input.live.policies, input.terraform.policies, base);
  const roles = compareKind({ kind: "auth-role", noun: "auth role", key: authRoleName, compare: compareAuthRole, describe: describeAuthRole }, input.live.authRoles, input.terraform.authRoles, base);
  const mounts = compareKind({ kind: "mount", noun: "mount", key: mountName, compare: compareMount, describe: describeMount }, input.live.mounts, input.terraform.mounts, base);
  return {
    ...base,
    compared: { policy: policies.compared, "auth-role": roles.compared, mount: mounts.compared },
    items: [...policies.items, ...roles.items, ...mounts.items],
  };
}
