/**
 * Grant materialisation at the DESIGN.md scale (100,000 secrets, 10,000 identities, 2,000+ policies):
 *   tsx scripts/bench-grants.ts [--scale 250]
 * Generates the demo organisation, adapts it as the sync would, parses the policies, materialises
 * the grants (the timed part, target < 30 s) and checks readers against the ground truth.
 * Needs about 2 GB of heap: NODE_OPTIONS="--max-old-space-size=4096 --expose-gc".
 */
import os from "node:os";
import { generateDemoOrganisation } from "../lib/demo/generator";
import { DEFAULT_POLICY_HCL } from "../lib/demo/vault-standin/default-policy";
import { materialiseGrants } from "../lib/blast-radius/materialise-grants";
import { summariseSecrets } from "../lib/blast-radius/summarise-secrets";
import type { ConsumptionRecord } from "../lib/sync/snapshot-data";
import { groundTruthKey, identitiesOfWorld, membershipsOfWorld, policiesOfWorld, secretsOfWorld } from "../lib/blast-radius/test-fixtures";

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const mb = (n: number): string => `${Math.round(n / 1e6)} MB`;

/** Generates and adapts in its own scope, so only the snapshot records stay alive afterwards. */
async function prepare(scale: number) {
  let t = performance.now();
  const org = generateDemoOrganisation({ seed: 1, scale, now: new Date("2026-12-03T12:00:00Z") });
  const world = org.clusters[0]!;
  console.log(`generated scale=${scale} in ${seconds(performance.now() - t)}`);
  t = performance.now();
  const secrets = secretsOfWorld(world);
  const identities = identitiesOfWorld(world);
  const policies = await policiesOfWorld(world, DEFAULT_POLICY_HCL);
  console.log(`adapted: ${secrets.length} secrets, ${identities.length} identities, ${policies.size} policies parsed in ${seconds(performance.now() - t)}`);
  const truth = org.groundTruth.secrets.map(({ mount, path, readers, listOnly }) => ({ mount, path, readers, listOnly }));
  // Consumption edges as the ground truth states them (the manifests are not parsed here).
  const keyOf = new Map(secrets.map((x) => [`${x.mount}/${x.path}`, x.key]));
  const consumptions: ConsumptionRecord[] = org.groundTruth.secrets.flatMap((gt) => gt.consumers.map((c) => ({
    workloadKey: c.workload, secretKey: keyOf.get(`${gt.mount}/${gt.path}`) ?? null, secretRef: `${gt.mount}/${gt.path}`, mechanism: c.mechanism,
    refreshIntervalSeconds: c.refreshSeconds, reload: c.reload, identityKey: null, manifestFile: c.file, manifestLine: null,
    details: { refreshTrigger: c.mechanism === "ci-oidc" ? "job-start" : c.refreshSeconds === null ? "pod-start" : "interval" },
  })));
  return { secrets, identities, policies, truth, consumptions };
}

async function main(): Promise<void> {
  const i = process.argv.indexOf("--scale");
  const scale = i >= 0 ? Number(process.argv[i + 1]) : 250;
  const { secrets, identities, policies, truth, consumptions } = await prepare(scale);
  // The sync holds snapshot records, not the generator's output (manifests, audit log, PKI...).
  (globalThis as { gc?: () => void }).gc?.();
  console.log(`heap before materialising ${mb(process.memoryUsage().heapUsed)}`);

  const t = performance.now();
  const cpu = process.cpuUsage();
  const result = materialiseGrants({ secrets, identities, memberships: membershipsOfWorld(), policies });
  const took = performance.now() - t;
  const used = process.cpuUsage(cpu);
  // Wall time suffers on a shared machine; CPU time (all threads, incl. GC) is the steadier figure.
  console.log(`materialise: wall ${seconds(took)}, cpu ${seconds((used.user + used.system) / 1000)}, load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cpus`);
  const s = result.stats;
  console.log(`materialised ${result.grants.length} grants (${s.readGrants} read, ${s.listOnlyGrants} list-only) in ${seconds(took)}; ${s.policySets} policy sets, ${s.pathsEvaluated} paths evaluated; heap ${mb(process.memoryUsage().heapUsed)}`);

  const gtKey = new Map(identities.map((x) => [x.key, groundTruthKey(x)]));
  const got = new Map<string, { readers: string[]; listOnly: string[] }>();
  for (const g of result.grants) {
    const entry = got.get(g.secretKey) ?? { readers: [], listOnly: [] };
    got.set(g.secretKey, entry);
    (g.capabilities.includes("read") ? entry.readers : entry.listOnly).push(gtKey.get(g.identityKey) as string);
  }
  const keyOf = new Map(secrets.map((x) => [`${x.mount}/${x.path}`, x.key]));
  let mismatches = 0;
  for (const gt of truth) {
    const e = got.get(keyOf.get(`${gt.mount}/${gt.path}`) ?? "") ?? { readers: [], listOnly: [] };
    const same = (a: string[], b: string[]): boolean => JSON.stringify([...a].sort()) === JSON.stringify(b);
    if (same(e.readers, gt.readers) && same(e.listOnly, gt.listOnly)) continue;
    if (++mismatches <= 5) console.log(`  mismatch ${gt.mount}/${gt.path}: readers ${[...e.readers].sort().join(",")} vs ${gt.readers.join(",")}; listOnly ${[...e.listOnly].sort().join(",")} vs ${gt.listOnly.join(",")}`);
  }
  console.log(`ground truth: ${truth.length - mismatches}/${truth.length} secrets agree`);

  const t2 = performance.now();
  const cpu2 = process.cpuUsage();
  const summaries = summariseSecrets({ secrets, identities, memberships: [], policies: [], workloads: [], consumptions, dependencies: [], grants: result.grants, problems: [] }, new Date("2026-12-03T12:00:00Z"));
  const used2 = process.cpuUsage(cpu2);
  console.log(`summarised ${summaries.length} secrets (${consumptions.length} consumption edges) in wall ${seconds(performance.now() - t2)}, cpu ${seconds((used2.user + used2.system) / 1000)}`);
  if (took > 30_000) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
