/**
 * The stand-in's own ACL matcher. Deliberately independent of lib/policy (the code under test):
 * two implementations of Vault's rules that must agree are a useful cross-check.
 *
 * Semantics (reference/vault-api.md §15): exact patterns win outright (LIST also accepts the exact
 * pattern without the trailing "/"); otherwise the single highest-priority glob/segment pattern
 * decides; the same pattern in several policies is unioned, and a `deny` there makes it deny-only.
 */
import { parse } from "@cdktf/hcl2json";

export const CAPABILITIES = ["create", "read", "update", "delete", "list", "patch", "sudo", "deny", "subscribe", "recover"] as const;
export type Capability = (typeof CAPABILITIES)[number];

export interface PolicyRule {
  pattern: string;
  capabilities: Capability[];
}

/** Legacy `policy = "..."` shorthand, as Vault expands it. */
const LEGACY: Record<string, Capability[]> = {
  deny: ["deny"],
  read: ["read", "list"],
  write: ["read", "list", "create", "update", "delete"],
  sudo: ["read", "list", "create", "update", "delete", "sudo"],
};

/** Parse HCL or JSON policy text into rules. Throws with a Vault-like message on bad input. */
export async function parsePolicyRules(name: string, text: string): Promise<PolicyRule[]> {
  let doc: unknown;
  if (text.trim().startsWith("{")) {
    try {
      doc = JSON.parse(text);
    } catch (e) {
      throw new Error(`failed to parse policy: ${(e as Error).message}`);
    }
  } else {
    try {
      doc = await parse(`${name}.hcl`, text);
    } catch (e) {
      throw new Error(`failed to parse policy: ${(e as Error).message}`);
    }
  }
  const paths = (doc as { path?: Record<string, unknown> }).path ?? {};
  const rules: PolicyRule[] = [];
  for (const [rawPattern, blocks] of Object.entries(paths)) {
    for (const block of Array.isArray(blocks) ? blocks : [blocks]) {
      const b = (block ?? {}) as { capabilities?: unknown; policy?: unknown };
      const caps = new Set<Capability>();
      for (const c of Array.isArray(b.capabilities) ? b.capabilities : []) {
        if (!(CAPABILITIES as readonly string[]).includes(String(c))) {
          throw new Error(`failed to parse policy: path "${rawPattern}": invalid capability "${String(c)}"`);
        }
        caps.add(c as Capability);
      }
      if (typeof b.policy === "string") for (const c of LEGACY[b.policy] ?? []) caps.add(c);
      rules.push({ pattern: rawPattern.replace(/^\//, ""), capabilities: [...caps] });
    }
  }
  return rules;
}

interface WildRule {
  pattern: string;
  caps: Set<Capability>;
  /** Index of the first "+" or "*": the first priority criterion. */
  firstWildcard: number;
  endsWithGlob: boolean;
  plusCount: number;
  segments: string[] | null; // set when the pattern has "+" segments
}

export interface CompiledAcl {
  root: boolean;
  /** Capabilities of the deciding rule for a path, or null when no rule matches. */
  lookup(path: string, isList: boolean): Set<Capability> | null;
  /** Vault's hasMountAccess: does any non-deny rule reach into this mount prefix ("kv/")? */
  reachesPrefix(prefix: string): boolean;
}

/** Merge rules of several policies into one matcher (union per pattern, deny-only on conflict). */
export function compileAcl(policies: PolicyRule[][], root = false): CompiledAcl {
  const merged = new Map<string, Set<Capability>>();
  for (const rules of policies) {
    for (const rule of rules) {
      // Templated paths need an identity entity; tokens here have none, and Vault skips such rules.
      if (rule.pattern.includes("{{")) continue;
      const existing = merged.get(rule.pattern) ?? new Set<Capability>();
      for (const c of rule.capabilities) existing.add(c);
      merged.set(rule.pattern, existing.has("deny") ? new Set(["deny"]) : existing);
    }
  }
  const exact = new Map<string, Set<Capability>>();
  const wild: WildRule[] = [];
  for (const [pattern, caps] of merged) {
    const endsWithGlob = pattern.endsWith("*");
    const hasPlus = pattern.includes("+");
    if (!endsWithGlob && !hasPlus) {
      exact.set(pattern, caps);
      continue;
    }
    const plusIdx = pattern.indexOf("+");
    const starIdx = endsWithGlob ? pattern.length - 1 : -1;
    const firstWildcard = Math.min(...[plusIdx, starIdx].filter((i) => i >= 0));
    const segments = hasPlus ? pattern.split("/") : null;
    const plusCount = segments ? segments.filter((s) => s === "+").length : 0;
    wild.push({ pattern, caps, firstWildcard, endsWithGlob, plusCount, segments });
  }
  // Highest priority first, so the first match decides.
  wild.sort((a, b) => (isLowerPriority(a, b) ? 1 : isLowerPriority(b, a) ? -1 : 0));

  return {
    root,
    lookup(path, isList) {
      const e = exact.get(path) ?? (isList && path.endsWith("/") ? exact.get(path.slice(0, -1)) : undefined);
      if (e) return e;
      for (const rule of wild) if (matches(rule, path)) return rule.caps;
      return null;
    },
    reachesPrefix(prefix) {
      if (root) return true;
      const granted = (caps: Set<Capability>) => caps.size > 0 && !caps.has("deny");
      for (const [pattern, caps] of exact) if (pattern.startsWith(prefix) && granted(caps)) return true;
      for (const rule of wild) {
        if (!granted(rule.caps)) continue;
        if (!rule.segments) {
          const p = rule.pattern.slice(0, -1);
          if (p.startsWith(prefix) || prefix.startsWith(p)) return true;
        } else if (segmentsReachPrefix(rule, prefix)) return true;
      }
      return false;
    },
  };
}

/** Vault's ordering (acl.go): true when `a` loses to `b`. */
function isLowerPriority(a: WildRule, b: WildRule): boolean {
  if (a.firstWildcard !== b.firstWildcard) return a.firstWildcard < b.firstWildcard;
  if (a.endsWithGlob !== b.endsWithGlob) return a.endsWithGlob;
  if (a.plusCount !== b.plusCount) return a.plusCount > b.plusCount;
  if (a.pattern.length !== b.pattern.length) return a.pattern.length < b.pattern.length;
  return a.pattern < b.pattern;
}

/** Do a "+" pattern's leading segments admit the mount prefix's segments? */
function segmentsReachPrefix(rule: WildRule, prefix: string): boolean {
  const segs = rule.segments!;
  const last = segs.length - 1;
  return prefix
    .replace(/\/$/, "")
    .split("/")
    .every((seg, i) => {
      const p = segs[i];
      if (p === undefined || p === "+" || p === seg) return true;
      return i === last && rule.endsWithGlob && seg.startsWith(p.slice(0, -1));
    });
}

function matches(rule: WildRule, path: string): boolean {
  if (!rule.segments) return path.startsWith(rule.pattern.slice(0, -1));
  const parts = path.split("/");
  const segs = rule.segments;
  if (rule.endsWithGlob ? parts.length < segs.length : parts.length !== segs.length) return false;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i]!;
    const part = parts[i]!;
    if (rule.endsWithGlob && i === segs.length - 1) {
      // The glob covers the rest of this segment and everything after it.
      if (!part.startsWith(seg.slice(0, -1))) return false;
    } else if (seg !== "+" && seg !== part) return false;
  }
  return true;
}

/** What `sys/capabilities-self` reports: sorted names, ["root"] for root, ["deny"] when nothing. */
export function reportCapabilities(acl: CompiledAcl, path: string): string[] {
  if (acl.root) return ["root"];
  const caps = acl.lookup(path, true);
  if (!caps || caps.size === 0 || caps.has("deny")) return ["deny"];
  return [...caps].sort();
}
