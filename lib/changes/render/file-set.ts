/**
 * The files a change edits, on top of the repository's base branch: reads see earlier edits of the
 * same change, so several edits to one file compose. Paths are relative to TERRAFORM_DIR.
 */
import type { RenderedFile } from "../schemas";
import { formatBlock } from "./hcl-format";
import { asciiLine, type HclItem } from "./hcl-model";
import { repoPath, type TerraformRepo } from "./terraform-repo";

export interface FileSet {
  read(rel: string): string | null;
  write(rel: string, text: string): void;
  /** Paths (relative to TERRAFORM_DIR) that differ from the base branch, sorted. */
  changed(): string[];
  original(rel: string): string | null;
  toRenderedFiles(): RenderedFile[];
}

export function createFileSet(repo: TerraformRepo): FileSet {
  const edits = new Map<string, string>();
  const original = (rel: string) => repo.files.get(rel) ?? null;
  const changed = () => [...edits].filter(([rel, text]) => text !== original(rel)).map(([rel]) => rel).sort();
  return {
    read: (rel) => edits.get(rel) ?? original(rel),
    write: (rel, text) => void edits.set(rel, text),
    changed,
    original,
    toRenderedFiles: () => changed().map((rel) => ({ path: repoPath(repo, rel), before: original(rel), after: edits.get(rel) as string })),
  };
}

/** Appends top-level blocks to a file (created with a header comment when absent). */
export function appendBlocks(files: FileSet, rel: string, blocks: { type: string; labels: string[]; body: HclItem[]; comment?: string }[], header: string): void {
  const text = blocks.map((b) => (b.comment ? `# ${asciiLine(b.comment)}\n` : "") + formatBlock(b.type, b.labels, b.body)).join("\n");
  const current = files.read(rel);
  if (current === null) files.write(rel, `# ${asciiLine(header)}\n\n${text}`);
  else files.write(rel, `${current}${current === "" || current.endsWith("\n") ? "" : "\n"}${current === "" ? "" : "\n"}${text}`);
}
