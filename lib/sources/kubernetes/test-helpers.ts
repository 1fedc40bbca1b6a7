/** Test-only helpers: load a fixture folder as SourceFiles. */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import type { SourceFile } from "../types";

export function loadFixtures(dir: string): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else out.push({ file: child, text: readFileSync(path.join(dir, child), "utf8") });
    }
  };
  walk("");
  return out;
}
