/**
 * Resolves the simple Terraform references Radius needs to read Vault config statically:
 * `local.x`, `var.x` (its default), `<type>.<name>.<attr>` when that resource sets the attribute to
 * a literal (plus provider defaults such as an auth backend's path = its type), `data.vault_policy_document.x.hcl`,
 * and `file("${path.module}/...")` against the repository's files. Anything else (functions,
 * computed attributes such as `.id`/`.accessor`, `each.key`) stays as its "${...}" text and is
 * returned in `unresolved` so the caller can warn.
 */
import type { JsonValue, TerraformResource } from "../types";
import type { TerraformModule } from "./hcl-files";
import { renderPolicyDocument } from "./policy-document";

export interface Resolved<T = JsonValue> {
  value: T;
  unresolved: string[];
}

export interface ResolveContext {
  module: TerraformModule;
  resources: Map<string, TerraformResource>;
  dataSources: Map<string, TerraformResource>;
  texts: Map<string, string>;
}

/** Attribute defaults the Vault provider applies when the attribute is omitted. */
const DEFAULTS: Record<string, Record<string, string | ((r: TerraformResource) => JsonValue)>> = {
  vault_auth_backend: { path: (r) => r.attributes.type ?? null },
  vault_jwt_auth_backend: { path: "jwt" },
};

const MAX_DEPTH = 8;

export function resolveValue(value: JsonValue | undefined, ctx: ResolveContext, depth = 0): Resolved {
  if (value === undefined) return { value: null, unresolved: [] };
  if (typeof value === "string") return resolveString(value, ctx, depth);
  if (Array.isArray(value)) {
    const parts = value.map((v) => resolveValue(v, ctx, depth));
    return { value: parts.map((p) => p.value), unresolved: parts.flatMap((p) => p.unresolved) };
  }
  if (value && typeof value === "object") {
    const out: { [k: string]: JsonValue } = {};
    const unresolved: string[] = [];
    for (const [k, v] of Object.entries(value)) {
      const r = resolveValue(v, ctx, depth);
      out[k] = r.value;
      unresolved.push(...r.unresolved);
    }
    return { value: out, unresolved };
  }
  return { value, unresolved: [] };
}

function resolveString(text: string, ctx: ResolveContext, depth: number): Resolved {
  const spans = interpolations(text);
  if (spans.length === 0) return { value: text.replace(/\$\$\{/g, "${"), unresolved: [] };
  const only = spans[0];
  if (spans.length === 1 && only && only.start === 0 && only.end === text.length) {
    const r = resolveExpression(only.expr, ctx, depth);
    return r ?? { value: text, unresolved: [only.expr] };
  }
  let out = "";
  let at = 0;
  const unresolved: string[] = [];
  for (const s of spans) {
    out += text.slice(at, s.start);
    const r = resolveExpression(s.expr, ctx, depth);
    if (r && (typeof r.value === "string" || typeof r.value === "number" || typeof r.value === "boolean") && r.unresolved.length === 0) out += String(r.value);
    else { out += text.slice(s.start, s.end); unresolved.push(s.expr); }
    at = s.end;
  }
  return { value: out + text.slice(at), unresolved };
}

function resolveExpression(raw: string, ctx: ResolveContext, depth: number): Resolved | null {
  if (depth > MAX_DEPTH) return null;
  const expr = raw.trim();
  let m = /^local\.([\w-]+)$/.exec(expr);
  if (m) return m[1] !== undefined && m[1] in ctx.module.locals ? resolveValue(ctx.module.locals[m[1]], ctx, depth + 1) : null;
  m = /^var\.([\w-]+)$/.exec(expr);
  if (m) return m[1] !== undefined && m[1] in ctx.module.variables ? resolveValue(ctx.module.variables[m[1]], ctx, depth + 1) : null;
  // Relative paths are resolved against the module folder (see filePathOf), so path.module is ".".
  if (expr === "path.module" || expr === "path.root" || expr === "path.cwd") return { value: ".", unresolved: [] };
  m = /^data\.([\w-]+)\.([\w-]+)\.([\w-]+)$/.exec(expr);
  if (m) {
    const data = ctx.dataSources.get(`${m[1]}.${m[2]}`);
    if (data?.type === "vault_policy_document" && m[3] === "hcl") {
      const rules = resolveValue(data.attributes.rule, ctx, depth + 1);
      return rules.unresolved.length > 0 ? null : { value: renderPolicyDocument(rules.value), unresolved: [] };
    }
    return null;
  }
  m = /^([a-z][\w-]*)\.([\w-]+)\.([\w-]+)$/.exec(expr);
  if (m) {
    const resource = ctx.resources.get(`${m[1]}.${m[2]}`);
    if (!resource) return null;
    const attr = m[3] as string;
    if (attr in resource.attributes) return resolveValue(resource.attributes[attr], ctx, depth + 1);
    const fallback = DEFAULTS[resource.type]?.[attr];
    if (fallback === undefined) return null;
    return { value: typeof fallback === "function" ? fallback(resource) : fallback, unresolved: [] };
  }
  m = /^file\(([\s\S]*)\)$/.exec(expr);
  if (m) return readFileExpression(m[1] as string, ctx, depth);
  return null;
}

/** `file("<path>")`: the argument is an HCL string that may interpolate path.module. */
function readFileExpression(arg: string, ctx: ResolveContext, depth: number): Resolved | null {
  const path = filePathOf(arg, ctx, depth);
  const text = path === null ? undefined : ctx.texts.get(path);
  return text === undefined ? null : { value: text, unresolved: [] };
}

/** The repository path a `file(...)` argument names, relative to the module folder; null if computed. */
function filePathOf(arg: string, ctx: ResolveContext, depth: number): string | null {
  const quoted = /^\s*"((?:[^"\\]|\\.)*)"\s*$/.exec(arg);
  if (!quoted) return null;
  const target = resolveString(quoted[1] as string, ctx, depth + 1);
  if (typeof target.value !== "string" || target.unresolved.length > 0) return null;
  return normalizePath(target.value.startsWith("/") ? target.value : `${ctx.module.dir || "."}/${target.value}`);
}

/** For `${file("...")}` attribute values: the file they read (for provenance), else null. */
export function fileReferenceOf(raw: unknown, ctx: ResolveContext): string | null {
  if (typeof raw !== "string") return null;
  const m = /^\$\{\s*file\(([\s\S]*)\)\s*\}$/.exec(raw);
  return m ? filePathOf(m[1] as string, ctx, 0) : null;
}

function normalizePath(p: string): string {
  const out: string[] = [];
  for (const seg of p.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return out.join("/");
}

/** `${...}` spans, honouring nested braces and quoted strings; `$${` is an escaped literal. */
export function interpolations(text: string): { start: number; end: number; expr: string }[] {
  const spans: { start: number; end: number; expr: string }[] = [];
  let i = 0;
  while (i < text.length) {
    const at = text.indexOf("${", i);
    if (at < 0) break;
    if (at > 0 && text[at - 1] === "$") { i = at + 2; continue; }
    let depth = 1;
    let j = at + 2;
    let quote = false;
    for (; j < text.length && depth > 0; j++) {
      const c = text[j];
      if (quote) { if (c === "\\") j++; else if (c === '"') quote = false; }
      else if (c === '"') quote = true;
      else if (c === "{") depth++;
      else if (c === "}") depth--;
    }
    if (depth !== 0) break;
    spans.push({ start: at, end: j, expr: text.slice(at + 2, j - 1) });
    i = j;
  }
  return spans;
}
