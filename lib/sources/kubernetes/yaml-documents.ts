/**
 * Multi-document YAML reading shared by the Kubernetes, CI and catalog parsers. A broken document
 * becomes a problem with its line and is skipped; the other documents of the file are still read.
 * Each document keeps its AST so parsers can report the line of any nested field.
 */
import { isMap, isNode, isScalar, isSeq, LineCounter, parseAllDocuments, type Document } from "yaml";
import type { SourceFile, SourceKind, SourceProblem } from "../types";

export type YamlPath = ReadonlyArray<string | number>;

export interface YamlDocument {
  file: string;
  /** 0-based index of the document in its file. */
  index: number;
  value: unknown;
  /** 1-based line where the document's content starts. */
  line: number;
  /** Line of the node at `path`, or of its nearest existing ancestor. */
  lineAt(path: YamlPath): number;
}

/** Bounds alias expansion ("billion laughs"): manifests come from repositories we do not control. */
const MAX_ALIAS_COUNT = 100;

export function readYamlDocuments(source: SourceKind, input: SourceFile, problems: SourceProblem[]): YamlDocument[] {
  const lineCounter = new LineCounter();
  let docs: Document.Parsed[];
  try {
    const parsed = parseAllDocuments(input.text, { lineCounter, uniqueKeys: false });
    docs = Array.isArray(parsed) ? parsed : [];
  } catch (error) {
    problems.push({ source, file: input.file, message: `cannot parse YAML: ${messageOf(error)}`, severity: "error" });
    return [];
  }
  const lineOf = (offset: number): number => lineCounter.linePos(offset).line;
  const out: YamlDocument[] = [];
  docs.forEach((doc, index) => {
    const firstError = doc.errors[0];
    if (firstError) {
      const pos = lineCounter.linePos(firstError.pos[0]);
      const message = (firstError.message.split("\n")[0] ?? "invalid YAML").replace(/ at line \d+, column \d+:?$/, "");
      problems.push({ source, file: input.file, line: pos.line, column: pos.col, message: `invalid YAML (document ${index + 1} skipped): ${message}`, severity: "error" });
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      problems.push({ source, file: input.file, line: lineOf(doc.range[0]), message: `cannot read YAML document ${index + 1}: ${messageOf(error)}`, severity: "error" });
      return;
    }
    if (value === null || value === undefined) return; // empty document between separators
    const start = isNode(doc.contents) && doc.contents.range ? doc.contents.range[0] : doc.range[0];
    out.push({
      file: input.file,
      index,
      value,
      line: lineOf(start),
      lineAt(path) {
        // Prefer the key's line for map entries ("jobs.deploy" is where `deploy:` is written).
        for (let depth = path.length; depth > 0; depth--) {
          const parent = depth === 1 ? doc.contents : doc.getIn(path.slice(0, depth - 1), true);
          const last = path[depth - 1];
          if (isMap(parent)) {
            const pair = parent.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(last));
            if (pair && isNode(pair.key) && pair.key.range) return lineOf(pair.key.range[0]);
          } else if (isSeq(parent) && typeof last === "number") {
            const item = parent.items[last];
            if (isNode(item) && item.range) return lineOf(item.range[0]);
          }
        }
        return lineOf(start);
      },
    });
  });
  return out;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message.split("\n")[0] ?? "" : String(error);
}

/** Narrowing helpers for untyped YAML/JSON values. */
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
export const asRecord = (v: unknown): Record<string, unknown> => (isRecord(v) ? v : {});
export const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const asString = (v: unknown): string | null => (typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : null);

/** Labels and annotations: string values only (YAML `true` becomes "true", as kubectl requires strings anyway). */
export function asStringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(asRecord(v))) {
    const s = asString(val);
    if (s !== null) out[k] = s;
  }
  return out;
}
