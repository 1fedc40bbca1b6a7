/**
 * Vault sync benchmark: the read-only connector against the stand-in serving a generated world.
 *
 *   tsx scripts/bench-vault-sync.ts [--scale 1] [--seed 1] [--concurrency 8]
 *   tsx scripts/bench-vault-sync.ts --scale 250      # ~100,000 KV secrets (~15 s and ~1.2 GB to generate)
 *
 * Prints secrets, requests, seconds, requests/s and peak RSS. The stand-in runs in this process,
 * so its CPU time is inside the figure: against a real Vault the collector's share is what counts.
 */
import { DEMO_TOKENS, generateDemoOrganisation } from "../lib/demo/generator";
import { startVaultStandin } from "../lib/demo/vault-standin";
import { createVaultReader } from "../lib/vault";
// Not the index: it imports "server-only", which refuses to load outside Next's server build.
import { collectVaultInventory } from "../lib/sources/vault/collect-inventory";
import { checkTokenCannotWrite } from "../lib/sources/vault/token-write-check";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!(value > 0)) throw new Error(`--${name} must be a positive number`);
  return value;
}

async function main(): Promise<void> {
  const scale = arg("scale", 1);
  const seed = arg("seed", 1);
  const concurrency = arg("concurrency", 8);
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

  let t = performance.now();
  const world = generateDemoOrganisation({ seed, scale, now: new Date("2025-06-01T12:00:00Z") }).clusters[0]!;
  console.log(`generated seed ${seed} scale ${scale} in ${((performance.now() - t) / 1000).toFixed(1)} s (rss ${mb(process.memoryUsage().rss)})`);

  const standin = await startVaultStandin({ world, maxRecordedRequests: 1_000 });
  try {
    const reader = createVaultReader({ address: standin.url, token: DEMO_TOKENS.readonly });
    const cpuBefore = process.cpuUsage();
    t = performance.now();
    let lastLog = t;
    const inventory = await collectVaultInventory(reader, {
      concurrency,
      onProgress: (p) => {
        if (performance.now() - lastLog < 10_000) return;
        lastLog = performance.now();
        console.log(`  ${p.phase}: ${p.done}${p.total ? `/${p.total}` : ""} after ${((lastLog - t) / 1000).toFixed(0)} s`);
      },
    });
    const seconds = (performance.now() - t) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const gate = await checkTokenCannotWrite(reader, inventory);
    const errors = inventory.problems.filter((p) => p.severity === "error").length;
    console.table({
      secrets: inventory.secrets.length,
      policies: inventory.policies.length,
      identities: inventory.identities.length,
      requests: inventory.requestCount,
      seconds: Number(seconds.toFixed(2)),
      "requests/s": Math.round(inventory.requestCount / seconds),
      concurrency,
      // Collector + stand-in together; on a loaded box, wall time is mostly waiting for a CPU.
      "cpu seconds": Number(cpuSeconds.toFixed(2)),
      "peak RSS": mb(process.resourceUsage().maxRSS * 1024),
      "problems (errors)": `${inventory.problems.length} (${errors})`,
      "write gate ok": `${gate.ok} (${gate.checked.length} paths)`,
    });
  } finally {
    await standin.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
