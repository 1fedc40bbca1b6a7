/**
 * What hcl2json must report for HclItems the renderer wrote: the verifier compares the parse of
 * the written text with this, so a value that escaped its quotes, interpolated, or lost a
 * character shows up as a difference.
 */
import type { HclExpr, HclItem } from "./hcl-model";
import { toParsedLiteral } from "./hcl-string";

export type ParsedJson = null | boolean | number | string | ParsedJson[] | { [key: string]: ParsedJson };

export function expectedExpr(expr: HclExpr): ParsedJson {
  switch (expr.kind) {
    case "string":
      return toParsedLiteral(expr.value);
    case "number":
    case "bool":
      return expr.value;
    case "ref":
      return `\${${expr.path}}`;
    case "jsonencode-empty":
      return "${jsonencode({})}";
    case "list":
      return expr.items.map(expectedExpr);
    case "object":
      return Object.fromEntries(expr.entries.map(([k, v]) => [k, expectedExpr(v)]));
    case "heredoc":
      return toParsedLiteral(expr.text);
  }
}

/** A block body as hcl2json shows it: attributes by name, nested blocks as arrays of bodies. */
export function expectedBody(items: HclItem[]): { [key: string]: ParsedJson } {
  const out: { [key: string]: ParsedJson } = {};
  for (const item of items) {
    if (item.kind === "attr") out[item.name] = expectedExpr(item.value);
    else if (item.kind === "block") {
      if (item.labels.length > 0) throw new Error("labelled nested blocks are not used by the renderer");
      const list = (out[item.type] as ParsedJson[] | undefined) ?? [];
      list.push(expectedBody(item.body));
      out[item.type] = list;
    }
  }
  return out;
}
