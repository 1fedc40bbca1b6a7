import type { SourceProblem } from "@/lib/sources/types";
import type { SyncProblem } from "./snapshot-data";

/** At most this many problems are stored per run; the rest are counted (a broken repo can yield 100,000). */
export const MAX_STORED_PROBLEMS = 5_000;

export function fromSourceProblem(p: SourceProblem): SyncProblem {
  return { source: p.source, location: p.file, line: p.line, column: p.column, message: p.message, severity: p.severity };
}

/** Errors first, so a cap never hides an error behind thousands of warnings. */
export function capProblems(problems: readonly SyncProblem[], max = MAX_STORED_PROBLEMS): { stored: SyncProblem[]; total: number } {
  const rank = (p: SyncProblem) => (p.severity === "error" ? 0 : 1);
  const sorted = [...problems].sort((a, b) => rank(a) - rank(b));
  return { stored: sorted.slice(0, max), total: problems.length };
}

export function countBySeverity(problems: readonly SyncProblem[]): { error: number; warning: number } {
  let error = 0;
  for (const p of problems) if (p.severity === "error") error++;
  return { error, warning: problems.length - error };
}

/** A message safe to store and show: first line, bounded (errors may embed long upstream bodies). */
export function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0]!.slice(0, 1_000);
}
