/**
 * The blast-radius delta of a change: for every identity whose effective policies change (a policy
 * attached, or a policy it carries rewritten), read and list on the affected secrets before and
 * after, with lib/policy's evaluator over the active snapshot. Only secrets under a changed rule's
 * literal prefix can change, so only those are evaluated. For secret.create, every identity of the
 * cluster is evaluated on the new path: that is who will be able to read it.
 */
import { parsePolicy, type AclDecision, type CompiledAcl, type ParsedPolicy } from "@/lib/policy";
import { createAclWorld, type AclWorld } from "./acl-world";
import type { ChangeFacts, SecretFact } from "./facts";
import type { RenderResult } from "./render";
import { ruleMapOf } from "./render/policy-rules";
import type { AccessDelta } from "./schemas";

export const DELTA_LIMIT = 500;

type Change = Pick<RenderResult, "cluster" | "policyTexts" | "attachments" | "newSecret">;
type Access = { read: AclDecision | null; list: AclDecision | null };

/** The full delta (sorted); store it through truncateDelta. */
export async function computeAccessDelta(facts: ChangeFacts, change: Change): Promise<AccessDelta> {
  const after = new Map<string, ParsedPolicy>();
  for (const [name, text] of change.policyTexts) after.set(name, await parsePolicy(name, text));
  const before = createAclWorld(facts, change.cluster);
  const next = createAclWorld(facts, change.cluster, { policies: after, attachments: change.attachments });

  const live = new Map(facts.policies.filter((p) => p.cluster === change.cluster && p.origin === "live" && p.parsed).map((p) => [p.name, p.parsed as ParsedPolicy]));
  const changedPolicies = new Set<string>();
  const patterns = new Set<string>();
  for (const [name, policy] of after) {
    const was = ruleMapOf(live.get(name) ?? { rules: [] });
    const now = ruleMapOf(policy);
    for (const p of new Set([...was.keys(), ...now.keys()])) {
      if (was.get(p)?.join(",") !== now.get(p)?.join(",")) {
        patterns.add(p);
        changedPolicies.add(name);
      }
    }
  }
  for (const a of change.attachments) {
    for (const r of (after.get(a.policy) ?? live.get(a.policy))?.rules ?? []) patterns.add(r.path);
  }

  const affected = next.identities.map((i) => i.key).filter((key) => {
    const b = before.effective.get(key)?.policies ?? [];
    const a = next.effective.get(key)?.policies ?? [];
    return b.join("\u0000") !== a.join("\u0000") || a.some((p) => changedPolicies.has(p));
  });
  const prefixes = [...new Set([...patterns].map((p) => p.split(/[*+]/)[0] as string))];
  const secrets = prefixes.length > 0 && affected.length > 0 ? await facts.secretsUnder(change.cluster, prefixes) : [];

  const delta: AccessDelta = { gains: [], losses: [], newPaths: [], evaluatedIdentities: affected.length };
  const cache = new Map<string, { secret: SecretFact; b: Access; a: Access }[]>();
  for (const key of affected) {
    const aclB = before.aclFor(key);
    const aclA = next.aclFor(key);
    const setKey = `${before.effective.get(key)?.policies.join(",")}\u0001${next.effective.get(key)?.policies.join(",")}`;
    let rows = cache.get(setKey);
    if (!rows) {
      rows = secrets.map((secret) => ({ secret, b: accessOf(aclB, secret), a: accessOf(aclA, secret) }));
      cache.set(setKey, rows);
    }
    for (const { secret, b, a } of rows) {
      const gained = caps(a).filter((c) => !caps(b).includes(c));
      const lost = caps(b).filter((c) => !caps(a).includes(c));
      if (gained.length > 0) {
        const w = why(gained.includes("read") ? a.read : a.list);
        delta.gains.push({ identityKey: key, secretKey: secret.key, capabilities: gained, policy: w.policy ?? "", rule: w.rule ?? "" });
      }
      if (lost.length > 0) delta.losses.push({ identityKey: key, secretKey: secret.key, capabilities: lost, ...why(lost.includes("read") ? b.read : b.list) });
    }
  }
  if (change.newSecret) addNewPathReaders(delta, next, change.newSecret);
  return sortDelta(delta);
}

function addNewPathReaders(delta: AccessDelta, world: AclWorld, secret: { dataPath: string; metadataPath: string }): void {
  delta.evaluatedIdentities = world.identities.length;
  const bySet = new Map<string, Access>();
  for (const identity of world.identities) {
    const setKey = world.effective.get(identity.key)?.policies.join(",") ?? "";
    let access = bySet.get(setKey);
    if (!access) bySet.set(setKey, (access = accessOf(world.aclFor(identity.key), { dataPath: secret.dataPath, metadataPath: secret.metadataPath })));
    const got = caps(access);
    if (got.length > 0) delta.newPaths.push({ identityKey: identity.key, dataPath: secret.dataPath, capabilities: got, ...why(got.includes("read") ? access.read : access.list) });
  }
}

function accessOf(acl: CompiledAcl | null, secret: Pick<SecretFact, "dataPath" | "metadataPath">): Access {
  if (!acl) return { read: null, list: null };
  const read = acl.evaluate(secret.dataPath);
  const list = secret.metadataPath ? acl.evaluate(secret.metadataPath) : null;
  return { read: read.capabilities.includes("read") ? read : null, list: list?.capabilities.includes("list") ? list : null };
}

const caps = (a: Access): ("read" | "list")[] => [...(a.read ? ["read" as const] : []), ...(a.list ? ["list" as const] : [])];

function why(decision: AclDecision | null): { policy?: string; rule?: string } {
  const by = decision?.decidedBy;
  if (!by) return {};
  const granting = decision.capabilities.includes("read") ? by.grants.read : by.grants.list;
  return { policy: (granting ?? by.policies).join(", "), rule: by.pattern };
}

function sortDelta(delta: AccessDelta): AccessDelta {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const order = <T extends { identityKey: string }>(list: T[], key: (t: T) => string) => list.sort((x, y) => cmp(x.identityKey, y.identityKey) || cmp(key(x), key(y)));
  order(delta.gains, (g) => g.secretKey);
  order(delta.losses, (l) => l.secretKey);
  order(delta.newPaths, (n) => n.dataPath);
  return delta;
}

/** At most `limit` entries per list; `truncated` counts what was left out. */
export function truncateDelta(delta: AccessDelta, limit = DELTA_LIMIT): AccessDelta {
  const cut = { gains: Math.max(0, delta.gains.length - limit), losses: Math.max(0, delta.losses.length - limit), newPaths: Math.max(0, delta.newPaths.length - limit) };
  if (cut.gains + cut.losses + cut.newPaths === 0) return delta;
  return { ...delta, gains: delta.gains.slice(0, limit), losses: delta.losses.slice(0, limit), newPaths: delta.newPaths.slice(0, limit), truncated: cut };
}
