/**
 * Writes the demo organisation to disk (world.json for the Vault stand-in, ground-truth.json, the
 * Terraform git repo, manifests, workflows, catalog, audit logs).
 *
 *   tsx scripts/generate-demo.ts --out DIR [--seed N] [--scale X] [--now ISO]
 *   tsx scripts/generate-demo.ts --bench [--scale 250]   # time and memory, nothing written unless --out
 */
import { generateDemoOrganisation, writeDemoOrganisation } from "../lib/demo/generator";

interface Args { out: string | null; seed: number; scale: number; now: Date; bench: boolean }

function parseArgs(argv: string[]): Args {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const bench = argv.includes("--bench");
  const args: Args = {
    out: get("out") ?? null,
    seed: Number(get("seed") ?? 1),
    scale: Number(get("scale") ?? (bench ? 250 : 1)),
    now: new Date(get("now") ?? Date.now()),
    bench,
  };
  if (!Number.isInteger(args.seed)) throw new Error("--seed must be an integer");
  if (!(args.scale > 0)) throw new Error("--scale must be a positive number");
  if (Number.isNaN(args.now.getTime())) throw new Error("--now must be an ISO-8601 date");
  if (!args.out && !bench) throw new Error("usage: generate-demo.ts --out DIR [--seed N] [--scale X] [--now ISO] | --bench [--scale X]");
  return args;
}

const mb = (n: number): string => `${Math.round(n / 1e6)} MB`;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const org = generateDemoOrganisation({ seed: args.seed, scale: args.scale, now: args.now });
  const generatedMs = performance.now() - started;
  const c = org.groundTruth.counts;
  console.log(`generated scale=${args.scale} seed=${args.seed} in ${(generatedMs / 1000).toFixed(2)} s; rss ${mb(process.memoryUsage().rss)}, heap ${mb(process.memoryUsage().heapUsed)}`);
  console.log(`  secrets ${c.kvSecrets} kv + ${org.groundTruth.secrets.length - (c.kvSecrets ?? 0)} dynamic; identities ${c.identities}; policies ${c.policies}; workloads ${c.workloads}; leases ${c.leases}; certificates ${c.certificates}; audit lines ${org.groundTruth.audit.lines}`);
  if (args.out) {
    const t = performance.now();
    await writeDemoOrganisation(org, args.out);
    console.log(`wrote ${args.out} in ${((performance.now() - t) / 1000).toFixed(2)} s`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
