/**
 * A small YAML emitter for plain JSON-like data (objects, arrays, strings, numbers, booleans, null).
 * The `yaml` package's stringify dominated generation time at scale; this writes the same subset of
 * YAML and the tests re-parse every file with `yaml` to prove it.
 */
const PLAIN = /^[A-Za-z_/][A-Za-z0-9_./:@-]*$/;
const RESERVED = /^(true|false|yes|no|on|off|null|y|n|~)$/i;

function scalar(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  const s = String(v);
  return PLAIN.test(s) && !RESERVED.test(s) ? s : JSON.stringify(s);
}

const isEmpty = (v: unknown): boolean => (Array.isArray(v) ? v.length === 0 : typeof v === "object" && v !== null && Object.keys(v).length === 0);
const isNested = (v: unknown): boolean => typeof v === "object" && v !== null && !isEmpty(v);

function block(key: string, s: string, pad: string): string {
  return `${pad}${key}: |${s.endsWith("\n") ? "" : "-"}\n${s.replace(/\n$/, "").split("\n").map((l) => `${pad}  ${l}`).join("\n")}\n`;
}

function emit(v: unknown, indent: number): string {
  const pad = " ".repeat(indent);
  if (Array.isArray(v)) {
    return v.map((item) => {
      if (isNested(item) && !Array.isArray(item)) {
        const inner = emit(item, indent + 2);
        return `${pad}- ${inner.slice(indent + 2)}`;
      }
      return `${pad}- ${isEmpty(item) ? (Array.isArray(item) ? "[]" : "{}") : scalar(item)}\n`;
    }).join("");
  }
  let out = "";
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (x === undefined) continue;
    const key = scalar(k);
    if (typeof x === "string" && x.includes("\n")) out += block(key, x, pad);
    else if (isNested(x)) out += `${pad}${key}:\n${emit(x, Array.isArray(x) ? indent : indent + 2)}`;
    else out += `${pad}${key}: ${isEmpty(x) ? (Array.isArray(x) ? "[]" : "{}") : scalar(x)}\n`;
  }
  return out;
}

export const toYamlDocument = (doc: Record<string, unknown>): string => emit(doc, 0);
