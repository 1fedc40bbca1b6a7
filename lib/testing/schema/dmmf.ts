import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** The parts of Prisma's DMMF datamodel that the schema-drift check reads. */
export interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}
export interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  primaryKey: { name: string | null; fields: string[] } | null;
}
export interface DmmfIndex {
  model: string;
  type: "id" | "normal" | "unique" | "fulltext";
  dbName?: string | null;
  fields: { name: string }[];
}
export interface DmmfDatamodel {
  models: DmmfModel[];
  enums: { name: string; dbName?: string | null; values: { name: string; dbName: string | null }[] }[];
  indexes: DmmfIndex[];
}

/**
 * Parses a Prisma schema into its DMMF by running `prisma generate` with only our tiny generator
 * (dmmf-generator.mjs), which writes the DMMF to a file. Works offline (WebAssembly parser).
 */
export function loadDmmf(schemaPath = path.resolve("prisma/schema.prisma")): DmmfDatamodel {
  const cli = path.resolve("node_modules/prisma/build/index.js");
  const generator = path.resolve("lib/testing/schema/dmmf-generator.mjs");
  const dir = mkdtempSync(path.join(os.tmpdir(), "radius-dmmf-"));
  try {
    const output = path.join(dir, "dmmf.json");
    // Drop the real generators: only the DMMF is wanted, not a regenerated client.
    const schema = readFileSync(schemaPath, "utf8").replace(/^generator\s+\w+\s*\{[\s\S]*?^\}/gm, "");
    writeFileSync(
      path.join(dir, "schema.prisma"),
      `${schema}\ngenerator dmmf {\n  provider = ${JSON.stringify(`node ${generator}`)}\n  output   = ${JSON.stringify(output)}\n}\n`,
    );
    const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
    if (!env.PRISMA_SCHEMA_ENGINE_BINARY && existsSync("/bin/true")) env.PRISMA_SCHEMA_ENGINE_BINARY = "/bin/true";
    // cwd = the temp dir, so the repo's prisma.config.ts (and its schema path) is not picked up.
    execFileSync(process.execPath, [cli, "generate", "--schema", path.join(dir, "schema.prisma")], { cwd: dir, env, stdio: "pipe" });
    return JSON.parse(readFileSync(output, "utf8")) as DmmfDatamodel;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
