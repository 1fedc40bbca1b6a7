import { describe, expect, it } from "vitest";
import { mapCatalogToWorkloads, parseCatalog } from "@/lib/sources/catalog";
import { parseWorkflows } from "@/lib/sources/ci";
import { clusterFromFirstFolder, parseKubernetesManifests } from "@/lib/sources/kubernetes";
import type { ParsedConsumption, ReloadBehaviour, SourceFile } from "@/lib/sources/types";
import { COMPANY } from "./company";
import type { GroundTruthConsumer, GroundTruthDanglingReference } from "./ground-truth-types";
import { generateDemoOrganisation } from "./generate";
import { TEST_NOW, demoOrg } from "./test-fixture";
import type { DemoOrganisation } from "./types";

/**
 * An independent second derivation of consumers: run the real source parsers (lib/sources) over the
 * generated manifests, workflows and catalog, exactly as a sync would read MANIFESTS_DIR,
 * WORKFLOWS_DIR and CATALOG_DIR, and compare with ground-truth.json, which consumers.ts states by
 * construction. Every difference is listed, so a failure says what disagrees.
 *
 * Mapping of the parser's vocabulary onto the ground truth's:
 * - vaultPath (the API path Vault receives) -> the secret: KV v2 `<mount>/data/<path>`, dynamic `<mount>/<path>`.
 * - identity {authMount, role} -> `kubernetes:<authMount>:<role>` (CI: `jwt:<authMount>:<role>`).
 * - refreshSeconds: `interval` -> refreshIntervalSeconds; `lease-renewal` -> the lease TTL, which the
 *   sync joins from Vault (the database role's default TTL); `pod-start` / `job-start` -> null (the new
 *   value arrives with the next restart or run).
 * - One ground-truth consumer per (workload, secret, mechanism). A workload that receives a secret by
 *   two deliveries (a CSI file and the CSI-synced Kubernetes Secret as an env var) is one consumer:
 *   the slowest reload (restart > per-run > hot) and the longest refresh interval decide, as they
 *   decide its propagation time.
 */
type Tuple = Pick<GroundTruthConsumer, "workload" | "mechanism" | "refreshSeconds" | "reload" | "identity" | "file">;
const show = (c: Tuple): string => `${c.workload} ${c.mechanism} refresh=${String(c.refreshSeconds)} reload=${c.reload} ${c.identity} ${c.file}`;
type Source = "kubernetes" | "ci";
const RELOAD_RANK: Record<ReloadBehaviour, number> = { hot: 0, "per-run": 1, restart: 2 };

/** seed 1 at scale 1 is the organisation of record; a second seed and scale guard against agreement by luck. */
const ORGS: Array<[string, () => DemoOrganisation]> = [
  ["seed 1, scale 1", demoOrg],
  ["seed 5, scale 0.5", () => generateDemoOrganisation({ seed: 5, scale: 0.5, now: TEST_NOW })],
];

describe.each(ORGS)("consumers (%s): the real parsers over the generated files agree with the ground truth", (_label, make) => {
  const org = make();
  const under = (prefix: string): SourceFile[] =>
    org.files.filter((f) => f.path.startsWith(prefix) && /\.ya?ml$/.test(f.path)).map((f) => ({ file: f.path.slice(prefix.length), text: f.content }));
  const k8s = parseKubernetesManifests(under("manifests/"), { clusterOf: clusterFromFirstFolder });
  const ci = parseWorkflows(under("workflows/"), { defaultOwner: COMPANY.githubOrg });
  const catalog = parseCatalog(under("catalog/"));
  const world = org.clusters[0];
  const leaseTtl = new Map<string, number>();
  for (const m of world?.mounts ?? []) if (m.type === "database") for (const r of m.roles) leaseTtl.set(`${m.path}/creds/${r.name}`, r.defaultTtl);
  const apiPath = (s: { kind: string; mount: string; path: string }): string => (s.kind === "kv-v2" ? `${s.mount}/data/${s.path}` : `${s.mount}/${s.path}`);
  const secretByPath = new Map(org.groundTruth.secrets.map((s) => [apiPath(s), s]));

  // Kubernetes workloads log in through a kubernetes auth mount, the generated workflows through jwt (vault-action method jwt).
  const identityOf = (c: ParsedConsumption, source: Source): string => `${source === "ci" ? "jwt" : "kubernetes"}:${c.identity.authMount ?? "?"}:${c.identity.role ?? "?"}`;
  const fileOf = (c: ParsedConsumption, source: Source): string => `${source === "ci" ? "workflows" : "manifests"}/${c.sourceFile}`;
  const refreshOf = (c: ParsedConsumption): number | null => {
    if (c.refreshTrigger === "interval") return c.refreshIntervalSeconds;
    if (c.refreshTrigger === "lease-renewal") return leaseTtl.get(c.vaultPath) ?? null;
    return null; // pod-start, job-start (vault-action reports 0: fetched at job start), spec-change
  };
  const maxRefresh = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.max(a, b));

  /** Parsed edges, collapsed to one per (workload, path, mechanism), by API path. */
  const parsed = new Map<string, Map<string, Tuple>>();
  const all = [...k8s.consumptions.map((c) => [c, "kubernetes"] as const), ...ci.consumptions.map((c) => [c, "ci"] as const)];
  for (const [c, source] of all) {
    const t: Tuple = { workload: c.workloadKey, mechanism: c.mechanism as Tuple["mechanism"], refreshSeconds: refreshOf(c), reload: c.reload, identity: identityOf(c, source), file: fileOf(c, source) };
    const byConsumer = parsed.get(c.vaultPath) ?? new Map<string, Tuple>();
    const k = `${t.workload} ${t.mechanism}`;
    const prior = byConsumer.get(k);
    byConsumer.set(k, prior ? {
      ...prior,
      reload: RELOAD_RANK[t.reload] > RELOAD_RANK[prior.reload] ? t.reload : prior.reload,
      refreshSeconds: maxRefresh(prior.refreshSeconds, t.refreshSeconds),
      identity: prior.identity === t.identity ? prior.identity : `${prior.identity} | ${t.identity}`,
      file: prior.file === t.file ? prior.file : `${prior.file} | ${t.file}`,
    } : t);
    parsed.set(c.vaultPath, byConsumer);
  }

  it("reads the files without unexpected problems", () => {
    const malformed = new Set(org.groundTruth.malformedManifests.map((m) => m.file));
    const errors = k8s.problems.filter((p) => p.severity === "error" && !malformed.has(`manifests/${p.file}`));
    expect(errors).toEqual([]);
    expect(k8s.problems.filter((p) => !malformed.has(`manifests/${p.file}`)).map((p) => `${p.file}:${p.line ?? 0} ${p.message}`)).toEqual([]);
    expect([...ci.problems, ...catalog.problems]).toEqual([]);
    expect(k8s.consumptions.length).toBeGreaterThan(org.counts.secrets);
  });

  it("finds exactly the consumers of every secret (workload, mechanism, refresh, reload, identity, file)", () => {
    const missing: string[] = [];
    const extra: string[] = [];
    const differ: string[] = [];
    let edges = 0;
    for (const s of org.groundTruth.secrets) {
      const path = apiPath(s);
      const found = new Map(parsed.get(path) ?? []);
      for (const want of s.consumers) {
        edges++;
        const k = `${want.workload} ${want.mechanism}`;
        const got = found.get(k);
        found.delete(k);
        if (!got) missing.push(`${path}: ${show(want)}`);
        else if (show(got) !== show(want)) differ.push(`${path}:\n  truth  ${show(want)}\n  parsed ${show(got)}`);
      }
      for (const got of found.values()) extra.push(`${path}: ${show(got)}`);
    }
    expect({ missing, extra, differ }).toEqual({ missing: [], extra: [], differ: [] });
    expect(edges).toBe(org.groundTruth.counts.consumptionEdges);
  });

  it("lists every reference to a path that is not in Vault as a dangling reference", () => {
    const dangling: GroundTruthDanglingReference[] = [];
    for (const [path, byConsumer] of parsed) {
      if (secretByPath.has(path)) continue;
      for (const t of byConsumer.values()) dangling.push({ workload: t.workload, mechanism: t.mechanism, vaultPath: path, identity: t.identity, file: t.file, problem: "" });
    }
    const key = (d: GroundTruthDanglingReference): string => `${d.workload} ${d.mechanism} ${d.vaultPath} ${d.identity} ${d.file}`;
    expect(dangling.map(key).sort()).toEqual(org.groundTruth.danglingReferences.map(key).sort());
    expect(org.groundTruth.danglingReferences.length).toBeGreaterThan(0);
  });

  it("derives the same dependents as the catalog mapped onto the parsed workloads", () => {
    const mapping = mapCatalogToWorkloads(catalog.components, [...k8s.workloads, ...ci.workloads]);
    expect(mapping.problems).toEqual([]);
    const componentsOf = new Map<string, string[]>();
    for (const [ref, keys] of Object.entries(mapping.componentWorkloads)) for (const k of keys) componentsOf.set(k, [...(componentsOf.get(k) ?? []), ref]);
    const dependentsOf = new Map<string, string[]>(); // toKey -> fromKeys (what breaks if toKey breaks)
    for (const d of mapping.dependencies) dependentsOf.set(d.toKey, [...(dependentsOf.get(d.toKey) ?? []), d.fromKey]);
    const differ: string[] = [];
    for (const s of org.groundTruth.secrets) {
      const consumers = s.consumers.map((c) => c.workload);
      const consuming = new Set(consumers.flatMap((w) => componentsOf.get(w) ?? []));
      const seen = new Set<string>(consumers);
      const queue = [...consumers];
      while (queue.length) for (const next of dependentsOf.get(queue.pop() as string) ?? []) if (!seen.has(next)) { seen.add(next); queue.push(next); }
      const refs = new Set([...seen].flatMap((w) => componentsOf.get(w) ?? []).filter((r) => !consuming.has(r)));
      const got = [...refs].sort();
      if (JSON.stringify(got) !== JSON.stringify(s.dependents)) differ.push(`${apiPath(s)}: truth ${JSON.stringify(s.dependents)} parsed ${JSON.stringify(got)}`);
    }
    expect(differ).toEqual([]);
  });
});

describe("consumers of the organisation of record (seed 1, scale 1)", () => {
  it("covers both reload behaviours of leased credentials and the synced-Secret delay of CronJobs", () => {
    const consumers = demoOrg().groundTruth.secrets.flatMap((s) => s.consumers.map((c) => ({ ...c, kind: s.kind })));
    const dbReloads = new Set(consumers.filter((c) => c.kind === "database-dynamic").map((c) => c.reload));
    expect([...dbReloads].sort()).toEqual(["hot", "restart"]);
    const cron = consumers.filter((c) => c.workload.includes("/cronjob/"));
    expect(cron.every((c) => c.reload === "per-run")).toBe(true);
    expect(new Set(cron.map((c) => `${c.mechanism}/${c.refreshSeconds === null ? "null" : "interval"}`))).toEqual(new Set(["vault-agent/null", "eso/interval", "csi/null", "csi/interval"]));
  });
});
