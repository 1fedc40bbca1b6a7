/**
 * The small HCL vocabulary the renderer writes. Values are data (never text to splice): strings
 * are escaped when formatted, references and identifiers are checked against strict patterns
 * here, and the only function call is the constant `jsonencode({})`.
 */
import { assertSafeHeredoc } from "./heredoc";

export type HclExpr =
  | { kind: "string"; value: string }
  | { kind: "number"; value: number }
  | { kind: "bool"; value: boolean }
  | { kind: "ref"; path: string }
  | { kind: "jsonencode-empty" }
  | { kind: "list"; items: HclExpr[] }
  | { kind: "object"; entries: [string, HclExpr][] }
  | { kind: "heredoc"; text: string; marker: string };

export type HclItem =
  | { kind: "attr"; name: string; value: HclExpr }
  | { kind: "block"; type: string; labels: string[]; body: HclItem[] }
  | { kind: "blank" }
  | { kind: "comment"; text: string };

/** Terraform identifiers: resource types and names, attribute and block names. */
export const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

export function assertIdentifier(name: string): string {
  if (!IDENTIFIER.test(name) || name.length > 200) throw new Error(`not a Terraform identifier: ${JSON.stringify(name.slice(0, 80))}`);
  return name;
}

export const str = (value: string): HclExpr => ({ kind: "string", value });

export function num(value: number): HclExpr {
  if (!Number.isSafeInteger(value)) throw new Error(`not a safe integer: ${value}`);
  return { kind: "number", value };
}

export const bool = (value: boolean): HclExpr => ({ kind: "bool", value });

/** `vault_mount.kv.path`: every part an identifier. */
export function ref(...parts: string[]): HclExpr {
  if (parts.length === 0) throw new Error("empty reference");
  return { kind: "ref", path: parts.map(assertIdentifier).join(".") };
}

export const JSONENCODE_EMPTY: HclExpr = { kind: "jsonencode-empty" };
export const list = (items: HclExpr[]): HclExpr => ({ kind: "list", items });
export const obj = (entries: [string, HclExpr][]): HclExpr => ({ kind: "object", entries });

/** A `<<-MARKER` heredoc; refuses text that could close, interpolate or be re-indented. */
export function heredoc(text: string): HclExpr {
  return { kind: "heredoc", text, marker: assertSafeHeredoc(text) };
}

export const attr = (name: string, value: HclExpr): HclItem => ({ kind: "attr", name: assertIdentifier(name), value });

export function block(type: string, labels: string[], body: HclItem[]): HclItem {
  return { kind: "block", type: assertIdentifier(type), labels: labels.map(assertIdentifier), body };
}

export const BLANK: HclItem = { kind: "blank" };

/** Comments are written by Radius itself (ids, fixed words): printable ASCII, one line. */
export function asciiLine(text: string): string {
  if (!/^[\x20-\x7e]*$/.test(text)) throw new Error("comments must be printable ASCII on one line");
  return text;
}

export const comment = (text: string): HclItem => ({ kind: "comment", text: asciiLine(text) });
