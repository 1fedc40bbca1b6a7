/**
 * The proof step: every rendered file is parsed again (hcl2json for Terraform, lib/policy for
 * policy files) and must contain exactly the intended resources and values, and nothing else must
 * have changed. Any difference throws: a change that cannot be proven is never opened.
 */
import { parse } from "@cdktf/hcl2json";
import { parsePolicy } from "@/lib/policy";
import type { ParsedJson } from "./hcl-expected";
import { fromParsedLiteral, hasTemplateExpression } from "./hcl-string";
import { ruleMapOf, sameRuleMaps, type RuleMap } from "./policy-rules";

export class RenderVerificationError extends Error {
  constructor(file: string, detail: string) {
    super(`rendered ${file} failed verification: ${detail}`);
    this.name = "RenderVerificationError";
  }
}

type Obj = { [key: string]: ParsedJson };

export interface TerraformFileExpectation {
  added: Map<string, Obj>;
  /** Full attributes after the change; the `policy` of addresses in `policies` is checked as a policy instead. */
  changed: Map<string, Obj>;
  imports: { to: string; id: string }[];
  /** Address of a vault_policy -> its name and the rules its text must parse to. */
  policies: Map<string, { name: string; rules: RuleMap }>;
}

export const emptyExpectation = (): TerraformFileExpectation => ({ added: new Map(), changed: new Map(), imports: [], policies: new Map() });

/** Verifies one Terraform file; returns the policy texts (by address) as Terraform will read them. */
export async function verifyTerraformFile(path: string, before: string | null, after: string, expected: TerraformFileExpectation): Promise<Map<string, string>> {
  const fail = (detail: string): never => {
    throw new RenderVerificationError(path, detail);
  };
  const [b, a] = [before === null ? {} : await parseHcl(path, before, fail), await parseHcl(path, after, fail)];
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (key === "resource" || key === "import") continue;
    if (canonical(b[key]) !== canonical(a[key])) fail(`top-level "${key}" blocks changed`);
  }
  const wantImports = [...asArray(b.import), ...expected.imports.map((i) => ({ id: i.id, to: `\${${i.to}}` }))].map(canonical).sort();
  if (canonical(wantImports) !== canonical(asArray(a.import).map(canonical).sort())) fail("import blocks differ from the intended ones");

  const beforeResources = resourcesOf(b, fail);
  const want = new Map(beforeResources);
  for (const [address, attrs] of expected.changed) {
    if (!beforeResources.has(address)) fail(`${address} was expected to exist already`);
    want.set(address, attrs);
  }
  for (const [address, attrs] of expected.added) {
    if (beforeResources.has(address)) fail(`${address} already exists`);
    want.set(address, attrs);
  }
  const got = resourcesOf(a, fail);
  const texts = new Map<string, string>();
  if (canonical([...got.keys()].sort()) !== canonical([...want.keys()].sort())) fail(`resources are [${[...got.keys()].sort()}], intended [${[...want.keys()].sort()}]`);
  for (const [address, attrs] of got) {
    const intended = { ...(want.get(address) as Obj) };
    const actual = { ...attrs };
    const policy = expected.policies.get(address);
    if (policy) {
      const shown = actual.policy;
      if (typeof shown !== "string" || hasTemplateExpression(shown)) fail(`${address}.policy is not a literal text`);
      const text = fromParsedLiteral(shown as string);
      await verifyPolicyText(path, policy.name, text, policy.rules);
      texts.set(address, text);
      delete actual.policy;
      delete intended.policy;
    }
    if (canonical(actual) !== canonical(intended)) fail(`${address} has attributes ${short(actual)}, intended ${short(intended)}`);
  }
  for (const address of expected.policies.keys()) if (!texts.has(address)) fail(`${address} was expected to carry a policy`);
  return texts;
}

/** A policy text must parse without errors to exactly the intended rules (pattern -> capabilities). */
export async function verifyPolicyText(path: string, name: string, text: string, rules: RuleMap): Promise<void> {
  let parsed;
  try {
    parsed = await parsePolicy(name, text);
  } catch (error) {
    throw new RenderVerificationError(path, `policy ${name} does not parse: ${String(error)}`);
  }
  if (parsed.errors.length > 0) throw new RenderVerificationError(path, `policy ${name}: ${parsed.errors[0]?.message}`);
  if (!sameRuleMaps(ruleMapOf(parsed), rules)) {
    throw new RenderVerificationError(path, `policy ${name} rules are ${short(Object.fromEntries(ruleMapOf(parsed)))}, intended ${short(Object.fromEntries(rules))}`);
  }
}

async function parseHcl(path: string, text: string, fail: (d: string) => never): Promise<Obj> {
  try {
    const doc = (await parse(path, text)) as unknown;
    return doc && typeof doc === "object" && !Array.isArray(doc) ? (doc as Obj) : fail("not an HCL body");
  } catch (error) {
    return fail(`does not parse: ${String(error).slice(0, 300)}`);
  }
}

function resourcesOf(doc: Obj, fail: (d: string) => never): Map<string, Obj> {
  const out = new Map<string, Obj>();
  for (const [type, byName] of Object.entries((doc.resource ?? {}) as Obj)) {
    for (const [name, blocks] of Object.entries((byName ?? {}) as Obj)) {
      const list = asArray(blocks);
      if (list.length !== 1) fail(`${type}.${name} is declared ${list.length} times`);
      out.set(`${type}.${name}`, list[0] as Obj);
    }
  }
  return out;
}

const asArray = (v: ParsedJson | undefined): ParsedJson[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** JSON with sorted keys, for order-independent equality. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Obj)[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}

const short = (v: unknown): string => canonical(v).slice(0, 400);
