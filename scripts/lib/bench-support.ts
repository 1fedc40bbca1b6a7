/** Shared by the benchmarks: child processes, percentiles, units. */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;
export const seconds = (ms: number | undefined) => `${((ms ?? 0) / 1000).toFixed(1)} s`;

/** The p-th percentile of an ascending array (nearest rank). */
export const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

export function runNode(script: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), script, ...args], { stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${script} ${args.join(" ")} exited ${code}`))));
  });
}

/** The Vault stand-in in its own process, as a real Vault would be: its CPU is not the sync's. */
export function startStandinProcess(world: string): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "scripts/vault-standin.ts", "--world", world, "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
    child.stdout?.once("data", (d: Buffer) => resolve({ url: d.toString().trim(), child }));
    child.on("exit", (code) => reject(new Error(`stand-in exited ${code}`)));
  });
}

/** Times `fn` n times in sequence; returns the sorted durations in ms. */
export async function timeCalls(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

export const medianP95 = (sorted: readonly number[]) => `${percentile(sorted, 50).toFixed(1)} / ${percentile(sorted, 95).toFixed(1)} ms`;
