/**
 * The one I/O helper of the source parsers: read the files under `dir` whose relative path ends
 * with one of `suffixes` (".yaml", ".yml", ".tf", ...). Paths come back relative to `dir` with "/".
 * Dot-folders are skipped except `.github` (workflows live there); symlinks are not followed, so a
 * repository cannot point the reader outside its root.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { SourceFile } from "../types";

export async function readSourceFiles(dir: string, suffixes: readonly string[], maxFiles = 100_000): Promise<SourceFile[]> {
  const out: SourceFile[] = [];
  const walk = async (rel: string): Promise<void> => {
    const entries = await readdir(path.join(dir, rel), { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (out.length >= maxFiles) return;
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if ((entry.name.startsWith(".") && entry.name !== ".github") || entry.name === "node_modules") continue;
        await walk(child);
      } else if (entry.isFile() && suffixes.some((s) => entry.name.endsWith(s))) {
        out.push({ file: child, text: await readFile(path.join(dir, child), "utf8") });
      }
    }
  };
  await walk("");
  return out;
}
