import { checkTemplating, classifyPattern, findPatternProblem, normalizePattern } from "./classify-pattern";
import type { SourceLocator, SourcePosition } from "./locate-in-source";
import { PolicyParseError } from "./policy-parse-error";
import { mergeCapabilities, readCapabilities } from "./read-capabilities";
import type { ParsedPolicy, PolicyRule, RuleConstraints } from "./types";

/** Keys Vault accepts (hclutil.CheckHCLKeys in vault/policy.go); anything else is rejected. */
const TOP_LEVEL_KEYS = new Set(["name", "path"]);
const RULE_KEYS = new Set([
  "comment",
  "policy",
  "capabilities",
  "allowed_parameters",
  "denied_parameters",
  "required_parameters",
  "min_wrapping_ttl",
  "max_wrapping_ttl",
  "mfa_methods",
  "control_group",
  "subscribe_event_types",
]);
const CONSTRAINT_FIELDS: Record<string, keyof RuleConstraints> = {
  comment: "comment",
  allowed_parameters: "allowedParameters",
  denied_parameters: "deniedParameters",
  required_parameters: "requiredParameters",
  min_wrapping_ttl: "minWrappingTtl",
  max_wrapping_ttl: "maxWrappingTtl",
  mfa_methods: "mfaMethods",
  control_group: "controlGroup",
  subscribe_event_types: "subscribeEventTypes",
};

export interface ReadPolicyInput {
  name: string;
  /** File or policy name used in error locations. */
  source: string;
  /** The decoded document: `{ name?, path: { "<pattern>": block | block[] } }`. */
  body: Record<string, unknown>;
  locator: SourceLocator;
}

/** Turns a decoded policy document into rules, merging blocks that repeat a path (as Vault does). */
export function readPolicyBody(input: ReadPolicyInput): ParsedPolicy {
  const errors: PolicyParseError[] = [];
  const fail = (at: SourcePosition | null, detail: string) =>
    errors.push(new PolicyParseError({ source: input.source, line: at?.line ?? null, column: at?.column ?? null, detail }));

  for (const key of Object.keys(input.body)) {
    if (!TOP_LEVEL_KEYS.has(key)) fail(input.locator.findKey(key), `invalid key ${JSON.stringify(key)}`);
  }

  const rules = new Map<string, PolicyRule>();
  const rejected = new Set<string>();
  for (const [rawPattern, blocks] of listPathBlocks(input.body.path)) {
    const pattern = normalizePattern(rawPattern);
    const at = input.locator.findPath(pattern);
    const problem = findPatternProblem(pattern) ?? blocks.map((b) => findBlockProblem(b)).find(Boolean);
    if (problem) {
      const token = typeof problem === "object" ? problem.token : undefined;
      const detail = typeof problem === "object" ? problem.detail : problem;
      fail(token ? (input.locator.findAfter(at, token) ?? at) : at, `path ${JSON.stringify(rawPattern)}: ${detail}`);
      rejected.add(pattern);
      continue;
    }
    for (const block of blocks as Record<string, unknown>[]) {
      const read = readCapabilities(block);
      if (!read.ok) continue; // unreachable: findBlockProblem ran the same check
      const previous = rules.get(pattern);
      rules.set(pattern, {
        path: pattern,
        kind: classifyPattern(pattern),
        capabilities: previous ? mergeCapabilities(previous.capabilities, read.capabilities) : read.capabilities,
        templated: checkTemplating(pattern) === "templated",
        line: previous?.line ?? at?.line ?? null,
        constraints: [...(previous?.constraints ?? []), ...readConstraints(block)],
      });
    }
  }

  // Vault rejects the whole policy on any error; a pattern with one bad block is dropped whole.
  const kept = [...rules.values()].filter((rule) => !rejected.has(rule.path));
  kept.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
  errors.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
  return { name: input.name, rules: kept, templated: kept.some((r) => r.templated), errors };
}

/** `path` decodes as `{ pattern: block | block[] }` (HCL blocks, HCL 1 assignment, JSON) or a list of those. */
function listPathBlocks(paths: unknown): Array<[string, unknown[]]> {
  if (paths === undefined) return [];
  const maps = Array.isArray(paths) ? paths : [paths];
  const out: Array<[string, unknown[]]> = [];
  for (const map of maps) {
    if (!isRecord(map)) {
      out.push(["", [map]]);
      continue;
    }
    for (const [pattern, value] of Object.entries(map)) out.push([pattern, Array.isArray(value) ? value : [value]]);
  }
  return out;
}

function findBlockProblem(block: unknown): { detail: string; token?: string } | null {
  if (!isRecord(block)) return { detail: "a path must be a block of settings" };
  const unknownKey = Object.keys(block).find((key) => !RULE_KEYS.has(key));
  if (unknownKey !== undefined) return { detail: `invalid key ${JSON.stringify(unknownKey)}`, token: unknownKey };
  const read = readCapabilities(block);
  return read.ok ? null : { detail: read.problem, token: read.token };
}

function readConstraints(block: Record<string, unknown>): RuleConstraints[] {
  const constraints: RuleConstraints = {};
  for (const [key, field] of Object.entries(CONSTRAINT_FIELDS)) {
    if (block[key] !== undefined) constraints[field] = block[key];
  }
  return Object.keys(constraints).length > 0 ? [constraints] : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
