import { CAPABILITIES, type Capability } from "./types";

/** Pre-0.5 `policy = "..."` shorthand, mapped as vault/policy.go still does. */
const LEGACY_POLICIES: Record<string, Capability[]> = {
  deny: ["deny"],
  read: ["read", "list"],
  write: ["create", "read", "update", "delete", "list"],
  sudo: ["create", "read", "update", "delete", "list", "sudo"],
};

const KNOWN = new Set<string>(CAPABILITIES);

export type CapabilitiesResult =
  | { ok: true; capabilities: Capability[] }
  | { ok: false; problem: string; token?: string };

/**
 * The capability set of one `path` block. Follows Vault's loop exactly: `deny` ends the scan and
 * discards the rest (so `["deny", "bogus"]` is accepted while `["bogus", "deny"]` is not).
 */
export function readCapabilities(block: Record<string, unknown>): CapabilitiesResult {
  const listed = block.capabilities ?? [];
  if (!Array.isArray(listed) || listed.some((c) => typeof c !== "string")) {
    return { ok: false, problem: "capabilities must be a list of strings", token: "capabilities" };
  }
  let names = listed as string[];
  // Vault ignores an empty `policy` string (`len(pc.Policy) > 0`).
  if (block.policy !== undefined && block.policy !== "") {
    const legacy = typeof block.policy === "string" ? LEGACY_POLICIES[block.policy] : undefined;
    if (!legacy) return { ok: false, problem: `invalid policy ${JSON.stringify(block.policy)}`, token: "policy" };
    names = block.policy === "deny" ? ["deny"] : [...names, ...legacy];
  }
  const found = new Set<Capability>();
  for (const name of names) {
    if (name === "deny") return { ok: true, capabilities: ["deny"] };
    if (!KNOWN.has(name)) return { ok: false, problem: `invalid capability ${JSON.stringify(name)}`, token: JSON.stringify(name) };
    found.add(name as Capability);
  }
  return { ok: true, capabilities: sortCapabilities(found) };
}

/** Union of two capability sets with Vault's merge rule: a deny on either side leaves only deny. */
export function mergeCapabilities(a: readonly Capability[], b: readonly Capability[]): Capability[] {
  if (a.includes("deny") || b.includes("deny")) return ["deny"];
  return sortCapabilities(new Set([...a, ...b]));
}

export function sortCapabilities(caps: Iterable<Capability>): Capability[] {
  return [...new Set(caps)].sort();
}
