/**
 * Terraform files -> resources, data sources, locals and variable defaults per module folder, via
 * @cdktf/hcl2json (HCL 2 -> JSON; expressions stay as "${...}" strings). hcl2json gives no block
 * positions, so each block's line is found by scanning the text for its header. Syntax errors
 * carry "file:line,col-..." in the message and are reported with that position.
 */
import { parse } from "@cdktf/hcl2json";
import type { JsonValue, SourceFile, SourceProblem, TerraformResource } from "../types";

export interface TerraformModule {
  /** Folder of the module relative to the source root ("" for the root). */
  dir: string;
  locals: Record<string, JsonValue>;
  variables: Record<string, JsonValue>;
}

export interface TerraformFiles {
  resources: TerraformResource[];
  dataSources: TerraformResource[];
  modules: Map<string, TerraformModule>;
  /** Every input file by path, for `file(...)`. */
  texts: Map<string, string>;
  problems: SourceProblem[];
}

type Json = Record<string, unknown>;

export async function readTerraformFiles(files: readonly SourceFile[]): Promise<TerraformFiles> {
  const out: TerraformFiles = { resources: [], dataSources: [], modules: new Map(), texts: new Map(), problems: [] };
  for (const f of files) out.texts.set(f.file, f.text);
  for (const f of files) {
    const isJson = f.file.endsWith(".tf.json");
    if (!isJson && !f.file.endsWith(".tf")) continue;
    let doc: Json;
    try {
      doc = isJson ? (JSON.parse(f.text) as Json) : ((await parse(f.file, f.text)) as Json);
      if (!doc || typeof doc !== "object" || Array.isArray(doc)) throw new Error("not an object");
    } catch (error) {
      out.problems.push(...syntaxProblems(f.file, error, f.text));
      continue;
    }
    const dir = dirOf(f.file);
    const tfModule = out.modules.get(dir) ?? { dir, locals: {}, variables: {} };
    out.modules.set(dir, tfModule);
    for (const block of asList(doc.locals)) Object.assign(tfModule.locals, asObject(block));
    for (const [name, blocks] of Object.entries(asObject(doc.variable))) {
      const first = asObject(asList(blocks)[0]);
      if ("default" in first) tfModule.variables[name] = first.default as JsonValue;
    }
    out.resources.push(...blocksOf(f, asObject(doc.resource), "resource"));
    out.dataSources.push(...blocksOf(f, asObject(doc.data), "data"));
    for (const name of Object.keys(asObject(doc.module))) {
      out.problems.push({ source: "terraform", file: f.file, line: headerLine(f.text, "module", [name]), message: `module "${name}" is not expanded; Vault resources inside it are not read`, severity: "warning" });
    }
  }
  return out;
}

function blocksOf(f: SourceFile, byType: Json, keyword: "resource" | "data"): TerraformResource[] {
  const out: TerraformResource[] = [];
  for (const [type, byName] of Object.entries(byType)) {
    for (const [name, blocks] of Object.entries(asObject(byName))) {
      const attributes = asObject(asList(blocks)[0]) as { [key: string]: JsonValue };
      out.push({ type, name, file: f.file, line: headerLine(f.text, keyword, [type, name]), attributes });
    }
  }
  return out;
}

/** 1-based line of `<keyword> "<label>" "<label>" {` (labels may be unquoted in HCL 2); 1 if not found. */
export function headerLine(text: string, keyword: string, labels: string[]): number {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`^[ \\t]*${keyword}${labels.map((l) => `[ \\t]+"?${esc(l)}"?`).join("")}[ \\t]*\\{`, "m");
  const m = pattern.exec(text);
  return m ? text.slice(0, m.index).split("\n").length : 1;
}

const LOCATION = /([^\s[\]]+?):(\d+),(\d+)(?:-\d+(?:,\d+)?)?: ([^\]]*?)(?=, [^\s[\]]+?:\d+,\d+|\]|$)/g;

function syntaxProblems(file: string, error: unknown, text?: string): SourceProblem[] {
  const message = error instanceof Error ? error.message : String(error);
  const json = /position (\d+)/.exec(message);
  if (json && file.endsWith(".json")) {
    const line = (text ?? "").slice(0, Number(json[1])).split("\n");
    return [{ source: "terraform", file, line: line.length, column: (line[line.length - 1] ?? "").length + 1, message: `JSON syntax error: ${message.replace(/ in JSON at position \d+.*$/, "")}`, severity: "error" }];
  }
  const found = [...message.matchAll(LOCATION)].map((m) => ({ line: Number(m[2]), column: Number(m[3]), text: (m[4] ?? "").trim() }));
  if (found.length === 0) return [{ source: "terraform", file, message: `cannot parse: ${message.slice(0, 300)}`, severity: "error" }];
  return found.map((p) => ({ source: "terraform", file, line: p.line, column: p.column, message: `HCL syntax error: ${p.text}`, severity: "error" }));
}

function dirOf(file: string): string {
  const i = file.lastIndexOf("/");
  return i < 0 ? "" : file.slice(0, i);
}
const asObject = (v: unknown): Json => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
