import { parse as parseHcl } from "@cdktf/hcl2json";
import { createSourceLocator } from "./locate-in-source";
import { normalizeHclSource } from "./normalize-hcl-source";
import { PolicyParseError } from "./policy-parse-error";
import { readPolicyBody } from "./read-policy-body";
import type { ParsedPolicy } from "./types";

/** The name handed to the HCL parser, so its diagnostics can be found and re-labelled. */
const BRIDGE_FILE = "policy.hcl";
const DIAGNOSTIC = /policy\.hcl:(\d+),(\d+)(?:-(?:\d+,)?\d+)?: (.*?)(?= policy\.hcl:\d+,\d+|\]$|$)/s;

export interface ParsePolicyOptions {
  /** Shown in error locations instead of the policy name (e.g. the Terraform file path). */
  file?: string;
}

/**
 * Parses a Vault ACL policy written in HCL or JSON (Vault accepts both). Syntax errors throw a
 * PolicyParseError with line and column; rule-level problems Vault would reject are returned in
 * `errors`. The `root` policy has no text: `parsePolicy("root", "")`.
 */
export async function parsePolicy(name: string, source: string, options: ParsePolicyOptions = {}): Promise<ParsedPolicy> {
  const label = options.file ?? name;
  const body = source.trimStart().startsWith("{") ? decodeJson(source, label) : await decodeHcl(source, label);
  return readPolicyBody({ name, source: label, body, locator: createSourceLocator(source) });
}

async function decodeHcl(source: string, label: string): Promise<Record<string, unknown>> {
  try {
    return (await parseHcl(BRIDGE_FILE, normalizeHclSource(source))) as Record<string, unknown>;
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const match = DIAGNOSTIC.exec(text);
    if (!match) throw new PolicyParseError({ source: label, line: null, column: null, detail: text });
    throw new PolicyParseError({ source: label, line: Number(match[1]), column: Number(match[2]), detail: (match[3] ?? "").trim() });
  }
}

function decodeJson(source: string, label: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const offset = Number(/position (\d+)/.exec(text)?.[1] ?? source.length);
    const before = source.slice(0, offset).split("\n");
    throw new PolicyParseError({ source: label, line: before.length, column: (before.at(-1) ?? "").length + 1, detail: text });
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new PolicyParseError({ source: label, line: 1, column: 1, detail: "failed to parse policy: does not contain a root object" });
  }
  return value as Record<string, unknown>;
}
