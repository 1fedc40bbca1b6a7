/**
 * Unified diff (git style, 3 lines of context) of the rendered files, for the change page and the
 * stored record. Myers' O((N+M)·D) line diff after trimming the common prefix and suffix, so the
 * small edits Radius makes to large files stay cheap.
 */
import type { RenderedFile } from "../schemas";

type Op = { op: " " | "-" | "+"; line: string };

export function unifiedDiff(files: readonly RenderedFile[], context = 3): string {
  return files.map((f) => fileDiff(f, context)).join("");
}

function fileDiff(file: RenderedFile, context: number): string {
  const a = splitLines(file.before ?? "");
  const b = splitLines(file.after);
  const head = file.before === null
    ? `diff --git a/${file.path} b/${file.path}\nnew file mode 100644\n--- /dev/null\n+++ b/${file.path}\n`
    : `diff --git a/${file.path} b/${file.path}\n--- a/${file.path}\n+++ b/${file.path}\n`;
  const ops = diffLines(a.lines, b.lines);
  return head + hunks(ops, context, a.noEol, b.noEol);
}

function splitLines(text: string): { lines: string[]; noEol: boolean } {
  if (text === "") return { lines: [], noEol: false };
  const lines = text.split("\n");
  const noEol = lines.at(-1) !== "";
  if (!noEol) lines.pop();
  return { lines, noEol };
}

export function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) { endA--; endB--; }
  const middle = myers(a.slice(start, endA), b.slice(start, endB));
  return [
    ...a.slice(0, start).map((line) => ({ op: " " as const, line })),
    ...middle,
    ...a.slice(endA).map((line) => ({ op: " " as const, line })),
  ];
}

function myers(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  if (n === 0) return b.map((line) => ({ op: "+", line }));
  if (m === 0) return a.map((line) => ({ op: "-", line }));
  const max = n + m;
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  outer: for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && (v[k - 1 + off] as number) < (v[k + 1 + off] as number)) ? (v[k + 1 + off] as number) : (v[k - 1 + off] as number) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) { x++; y++; }
      v[k + off] = x;
      if (x >= n && y >= m) break outer;
    }
  }
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const t = trace[d] as Int32Array;
    const k = x - y;
    const prevK = k === -d || (k !== d && (t[k - 1 + off] as number) < (t[k + 1 + off] as number)) ? k + 1 : k - 1;
    const prevX = t[prevK + off] as number;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ op: " ", line: a[--x] as string });
      y--;
    }
    if (x === prevX) ops.push({ op: "+", line: b[--y] as string });
    else ops.push({ op: "-", line: a[--x] as string });
  }
  while (x > 0 && y > 0) {
    ops.push({ op: " ", line: a[--x] as string });
    y--;
  }
  return ops.reverse();
}

function hunks(ops: Op[], context: number, noEolA: boolean, noEolB: boolean): string {
  const changed = ops.map((o, i) => (o.op === " " ? -1 : i)).filter((i) => i >= 0);
  if (changed.length === 0) return "";
  let out = "";
  let i = 0;
  while (i < changed.length) {
    const from = Math.max(0, (changed[i] as number) - context);
    let to = (changed[i] as number) + context;
    while (i + 1 < changed.length && (changed[i + 1] as number) - context <= to + 1) to = (changed[++i] as number) + context;
    to = Math.min(ops.length - 1, to);
    i++;
    const before = ops.slice(0, from);
    const oldStart = before.filter((o) => o.op !== "+").length + 1;
    const newStart = before.filter((o) => o.op !== "-").length + 1;
    const body = ops.slice(from, to + 1);
    const oldLen = body.filter((o) => o.op !== "+").length;
    const newLen = body.filter((o) => o.op !== "-").length;
    out += `@@ -${oldLen === 0 ? oldStart - 1 : oldStart},${oldLen} +${newLen === 0 ? newStart - 1 : newStart},${newLen} @@\n`;
    for (const [j, o] of body.entries()) {
      out += `${o.op}${o.line}\n`;
      const last = from + j;
      if ((o.op !== "+" && noEolA && isLastOf(ops, last, "+")) || (o.op !== "-" && noEolB && isLastOf(ops, last, "-"))) out += "\\ No newline at end of file\n";
    }
  }
  return out;
}

/** True when ops[index] is the last op of its side (ignoring ops that belong to the other side only). */
function isLastOf(ops: Op[], index: number, otherSide: "+" | "-"): boolean {
  for (let k = index + 1; k < ops.length; k++) if ((ops[k] as Op).op !== otherSide) return false;
  return true;
}
