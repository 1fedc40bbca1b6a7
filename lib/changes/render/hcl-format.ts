/**
 * Writes HclItems the way `terraform fmt` would: two-space indentation, `=` aligned across a run
 * of single-line attributes (a heredoc's opening line counts as single-line), runs broken by
 * blank lines, comments, nested blocks and multi-line object values.
 */
import { hclString } from "./hcl-string";
import type { HclExpr, HclItem } from "./hcl-model";

const pad = (n: number): string => " ".repeat(n);

export function formatBlock(type: string, labels: string[], body: HclItem[], indent = 0): string {
  const header = [type, ...labels.map(hclString)].join(" ");
  if (body.length === 0) return `${pad(indent)}${header} {\n${pad(indent)}}\n`;
  return `${pad(indent)}${header} {\n${formatBody(body, indent + 2)}${pad(indent)}}\n`;
}

export function formatBody(items: HclItem[], indent: number): string {
  let out = "";
  let run: { name: string; value: HclExpr }[] = [];
  const flush = () => {
    const width = Math.max(0, ...run.map((a) => a.name.length));
    for (const a of run) out += `${pad(indent)}${a.name.padEnd(width)} = ${formatExpr(a.value, indent)}\n`;
    run = [];
  };
  for (const item of items) {
    if (item.kind === "attr" && item.value.kind !== "object") {
      run.push(item);
      continue;
    }
    flush();
    if (item.kind === "attr") out += `${pad(indent)}${item.name} = ${formatExpr(item.value, indent)}\n`;
    else if (item.kind === "block") out += formatBlock(item.type, item.labels, item.body, indent);
    else if (item.kind === "blank") out += "\n";
    else out += `${pad(indent)}# ${item.text}`.trimEnd() + "\n";
  }
  flush();
  return out;
}

export function formatExpr(expr: HclExpr, indent: number): string {
  switch (expr.kind) {
    case "string":
      return hclString(expr.value);
    case "number":
      return String(expr.value);
    case "bool":
      return expr.value ? "true" : "false";
    case "ref":
      return expr.path;
    case "jsonencode-empty":
      return "jsonencode({})";
    case "list":
      return `[${expr.items.map((i) => formatExpr(i, indent)).join(", ")}]`;
    case "object": {
      if (expr.entries.length === 0) return "{}";
      const keys = expr.entries.map(([k]) => objectKey(k));
      const width = Math.max(...keys.map((k) => k.length));
      const lines = expr.entries.map(([, v], i) => `${pad(indent + 2)}${(keys[i] as string).padEnd(width)} = ${formatExpr(v, indent + 2)}`);
      return `{\n${lines.join("\n")}\n${pad(indent)}}`;
    }
    case "heredoc": {
      const lines = expr.text.slice(0, -1).split("\n").map((l) => (l === "" ? "" : `${pad(indent + 2)}${l}`));
      return `<<-${expr.marker}\n${lines.join("\n")}\n${pad(indent)}${expr.marker}`;
    }
  }
}

const BARE_KEY = /^[a-z_][a-z0-9_]*$/;
const KEYWORDS = new Set(["true", "false", "null", "for", "in", "if"]);

/** Object keys: bare when a plain identifier, otherwise a quoted (escaped) string. */
export function objectKey(key: string): string {
  return BARE_KEY.test(key) && !KEYWORDS.has(key) ? key : hclString(key);
}
