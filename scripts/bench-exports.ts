/**
 * Export benchmark: the access matrix (and the inventory) as streamed CSV at the DESIGN scale.
 * Prints rows/s, time to first byte, and RSS sampled as the rows grow (the stream must keep RSS
 * flat: one batch in memory at a time).
 *
 *   tsx --conditions=react-server scripts/bench-exports.ts [--scale 250] [--dir DIR] [--reuse]
 *   tsx --conditions=react-server scripts/bench-exports.ts --database-url postgres://...   (an already synced database)
 *
 * Without --database-url: generates the demo organisation (or reuses DIR/demo with --reuse),
 * serves it from the Vault stand-in, syncs it into an embedded Postgres in DIR/pg-exports.
 */
import { chmodSync, existsSync, mkdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { CurrentUser } from "../lib/auth/user";
import { createPrismaClient, type PrismaClient } from "../lib/db/create-client";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { applyMigrations } from "../lib/db/migrate";
import { DEMO_TOKENS } from "../lib/demo/generator";
import { openExport } from "../lib/exports/service";
import type { ExportDatasetId } from "../lib/exports/schemas";
import { runSync } from "../lib/sync/run-sync";
import { mb, runNode, seconds, startStandinProcess } from "./lib/bench-support";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "250" },
    dir: { type: "string" },
    reuse: { type: "boolean", default: false },
    "database-url": { type: "string" },
  },
});
const scale = Number(values.scale);
const root = values.dir ?? path.join(os.tmpdir(), `radius-bench-${scale}`);
const user: CurrentUser = { email: "bench@radius.local", name: "bench", roles: ["compliance"] };

async function measure(db: PrismaClient, dataset: ExportDatasetId) {
  const started = performance.now();
  const opened = await openExport({ db, user }, { dataset, format: "csv" });
  const reader = opened.stream.getReader();
  let firstByteMs: number | null = null;
  let rows = -1; // the header line
  let bytes = 0;
  const samples: { rows: number; rss: number }[] = [];
  let nextSampleAt = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    firstByteMs ??= performance.now() - started;
    bytes += value.byteLength;
    for (const b of value) if (b === 10) rows++;
    if (rows >= nextSampleAt) {
      samples.push({ rows, rss: process.memoryUsage().rss });
      nextSampleAt += 50_000;
    }
  }
  const totalMs = performance.now() - started;
  samples.push({ rows, rss: process.memoryUsage().rss });
  return { rows, bytes, totalMs, firstByteMs: firstByteMs ?? totalMs, samples };
}

async function main(): Promise<void> {
  let db: PrismaClient;
  const cleanup: (() => Promise<void>)[] = [];
  if (values["database-url"]) {
    db = createPrismaClient(values["database-url"], { maxConnections: 4 });
  } else {
    const demo = path.join(root, "demo");
    const reuse = values.reuse && existsSync(path.join(demo, "world.json"));
    mkdirSync(root, { recursive: true });
    chmodSync(root, 0o755);
    if (!reuse) {
      rmSync(demo, { recursive: true, force: true });
      await runNode("scripts/generate-demo.ts", ["--out", demo, "--scale", String(scale), "--seed", "1"]);
    }
    rmSync(path.join(root, "pg-exports"), { recursive: true, force: true });
    const pg = await startEmbeddedPostgres({ dataDir: path.join(root, "pg-exports"), database: "radius_bench_exports", unsafeFast: true });
    cleanup.push(() => pg.stop());
    const standin = await startStandinProcess(path.join(demo, "world.json"));
    cleanup.push(async () => void standin.child.kill("SIGTERM"));
    await applyMigrations(pg.url);
    db = createPrismaClient(pg.url, { maxConnections: 4 });
    const t = performance.now();
    const result = await runSync({ trigger: "manual" }, {
      db, databaseUrl: pg.url, log: () => undefined,
      config: {
        vault: { addresses: [standin.url], token: DEMO_TOKENS.readonly, concurrency: 16, timeoutMs: 30_000 },
        terraform: { repo: path.join(demo, "terraform"), branch: "main", dir: "." },
        manifestsDir: path.join(demo, "manifests"), workflowsDir: path.join(demo, "workflows"), catalogPath: path.join(demo, "catalog"),
        ciOwner: "acme", intervalMinutes: 0,
      },
    });
    if (result.status === "failed" || result.status === "already-running") throw new Error(`sync ${result.status}`);
    console.log(`synced in ${seconds(performance.now() - t)}: ${result.counts.secrets} secrets, ${result.counts.grants} grants`);
    await db.$executeRawUnsafe("ANALYZE");
  }
  try {
    const baseline = process.memoryUsage().rss;
    for (const dataset of ["access-matrix", "inventory"] as const) {
      const m = await measure(db, dataset);
      console.log(`\n== ${dataset} CSV: ${m.rows.toLocaleString("en-US")} rows, ${mb(m.bytes)} in ${seconds(m.totalMs)}`);
      console.log(`   rows/s ${Math.round(m.rows / (m.totalMs / 1000)).toLocaleString("en-US")}; time to first byte ${m.firstByteMs.toFixed(0)} ms (target < 1000 ms)`);
      console.log(`   RSS as rows grow (baseline ${mb(baseline)}): ${m.samples.map((s) => `${s.rows.toLocaleString("en-US")}: ${mb(s.rss)}`).join(" | ")}`);
    }
  } finally {
    await db.$disconnect();
    for (const step of cleanup.reverse()) await step();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
