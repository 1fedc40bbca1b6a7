import path from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { clusterFromFirstFolder, parseKubernetesManifests } from "./parse-kubernetes";
import { loadFixtures } from "./test-helpers";
import type { ParsedConsumption } from "../types";

const files = loadFixtures(path.join(__dirname, "fixtures"));
const result = parseKubernetesManifests(files);
const edges = (workload: string, vaultPath?: string): ParsedConsumption[] =>
  result.consumptions.filter((c) => c.workloadKey === workload && (vaultPath === undefined || c.vaultPath === vaultPath));
const edge = (workload: string, vaultPath: string, delivery?: string): ParsedConsumption => {
  const found = edges(workload, vaultPath).filter((c) => delivery === undefined || c.delivery === delivery);
  expect(found, `${workload} -> ${vaultPath}`).toHaveLength(1);
  return found[0] as ParsedConsumption;
};
const problem = (text: string) => result.problems.find((p) => p.message.includes(text));

describe("workloads", () => {
  it("reads every workload kind with stable keys, service accounts and owners", () => {
    const keys = result.workloads.map((w) => w.key);
    expect(keys).toEqual(expect.arrayContaining([
      "k8s:payments/deployment/payments-api", "k8s:payments/cronjob/payments-reconcile", "k8s:payments/statefulset/payments-ledger",
      "k8s:payments/pod/payments-debug", "k8s:orders/daemonset/orders-agent", "k8s:orders/job/orders-migrate",
    ]));
    const api = result.workloads.find((w) => w.key === "k8s:payments/deployment/payments-api");
    expect(api).toMatchObject({ serviceAccount: "payments-api", ownerTeam: "payments", namespace: "payments", sourceFile: "payments/deployment.yaml", line: 7 });
    expect(result.workloads.find((w) => w.name === "orders-agent")?.serviceAccount).toBe("default");
  });

  it("collects service accounts", () => {
    expect(result.serviceAccounts).toEqual([expect.objectContaining({ namespace: "payments", name: "payments-api", line: 1 })]);
  });

  it("takes the namespace from kustomization.yaml and flattens kind: List", () => {
    expect(result.workloads.find((w) => w.name === "catalog-api")).toMatchObject({ key: "k8s:catalog/deployment/catalog-api", namespace: "catalog", line: 4 });
  });

  it("reads reload hints (radius.dev/reload, stakater Reloader)", () => {
    const byName = (n: string) => result.workloads.find((w) => w.name === n)?.reload;
    expect(byName("payments-ledger")).toMatchObject({ appReload: "hot", appReloadVia: "radius.dev/reload=hot" });
    expect(byName("orders-migrate")).toMatchObject({ appReload: "restart" });
    expect(byName("orders-worker")?.reloaderWatches).toEqual({ secrets: ["orders-api-env"], via: "secret.reloader.stakater.com/reload" });
  });

  it("reports a duplicated workload and keeps the first", () => {
    const dup = parseKubernetesManifests([
      { file: "a.yaml", text: "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: n}\nspec: {containers: []}\n" },
      { file: "b.yaml", text: "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: n}\nspec: {containers: []}\n" },
    ]);
    expect(dup.workloads).toHaveLength(1);
    expect(dup.problems).toEqual([expect.objectContaining({ file: "b.yaml", severity: "warning", message: expect.stringContaining("also declared in a.yaml:1") })]);
  });
});

describe("Vault Agent injector", () => {
  const api = "k8s:payments/deployment/payments-api";
  it("uses the annotated path, the auth path, role and service account; a command means hot reload", () => {
    expect(edge(api, "kv-prod/data/payments/prod/stripe")).toMatchObject({
      mechanism: "vault-agent", delivery: "file", reload: "hot", refreshIntervalSeconds: 120, refreshTrigger: "interval", leased: false, line: 27,
      identity: { authMount: "kubernetes-prod", role: "payments-api", serviceAccount: "payments-api", namespace: "payments" },
    });
  });
  it("treats /creds/ paths as leased (refreshed on lease renewal) and dedupes template and annotation", () => {
    expect(edge(api, "database-prod/creds/payments-rw")).toMatchObject({ leased: true, refreshIntervalSeconds: null, refreshTrigger: "lease-renewal", reload: "restart" });
  });
  it("extracts further paths from templates and warns on computed ones", () => {
    expect(edge(api, "kv-prod/data/payments/prod/webhook").reload).toBe("restart");
    expect(edge(api, "kv-prod/data/payments/prod/sentry").line).toBe(34);
    expect(problem("computes 1 secret path(s)")).toMatchObject({ file: "payments/deployment.yaml", line: 34, severity: "warning" });
  });
  it("pre-populate-only: written once at pod start; a CronJob gets the new value on its next run", () => {
    expect(edge("k8s:payments/cronjob/payments-reconcile", "kv-prod/data/payments/prod/ledger")).toMatchObject({
      refreshIntervalSeconds: null, refreshTrigger: "pod-start", reload: "per-run", identity: { authMount: "kubernetes", serviceAccount: "payments-batch" },
    });
  });
  it("defaults the render interval to 5m and honours radius.dev/reload=hot", () => {
    expect(edge("k8s:payments/statefulset/payments-ledger", "kv-prod/data/payments/prod/signing-key")).toMatchObject({ refreshIntervalSeconds: 300, reload: "hot" });
  });
  it("reports annotations that inject nothing", () => {
    expect(edges("k8s:payments/pod/payments-debug")).toEqual([]);
    expect(problem("agent-inject is not \"true\"")).toMatchObject({ line: 96 });
    expect(edges("k8s:payments/pod/payments-shell")).toEqual([]);
    expect(result.problems.filter((p) => p.message.includes("payments-shell") && p.message.includes("points at no Vault path"))).toHaveLength(2);
  });
});

describe("External Secrets Operator", () => {
  it("builds KV v2 paths from the store mount and remote key, merging properties", () => {
    expect(edge("k8s:orders/deployment/orders-api", "kv-prod/data/orders/prod/stripe")).toMatchObject({
      mechanism: "eso", delivery: "k8s-secret-env", reload: "restart", refreshIntervalSeconds: 900, keys: ["api-key", "webhook"],
      identity: { authMount: "kubernetes-prod", role: "orders-eso", serviceAccount: "orders-eso", namespace: "orders" },
      sourceFile: "orders/eso.yaml", line: 59,
    });
    expect(edge("k8s:orders/deployment/orders-api", "kv-prod/data/orders/prod/common").keys).toEqual([]);
  });
  it("env consumers watched by Reloader reload hot; volumes sync through the kubelet", () => {
    expect(edge("k8s:orders/deployment/orders-worker", "kv-prod/data/orders/prod/stripe").reload).toBe("hot");
    expect(edge("k8s:orders/deployment/orders-worker", "kv-prod/data/orders/prod/tls")).toMatchObject({ delivery: "k8s-secret-volume", reload: "hot", syncDelaySeconds: 120, refreshIntervalSeconds: 3600 });
  });
  it("uses per-entry sourceRef stores (KV v1 / dynamic engine, controller identity)", () => {
    expect(edge("k8s:orders/deployment/orders-worker", "database-prod/creds/orders-rw")).toMatchObject({ leased: true, identity: { role: "eso-db", serviceAccount: null } });
  });
  it("subPath-only volumes need a restart; radius.dev/reload=restart on a Job means the next run", () => {
    expect(edge("k8s:orders/daemonset/orders-agent", "kv-prod/data/orders/prod/tls")).toMatchObject({ reload: "restart", syncDelaySeconds: 0 });
    expect(edge("k8s:orders/job/orders-migrate", "kv-prod/data/orders/prod/tls").reload).toBe("per-run");
  });
  it("warns about a missing store and unresolvable find; ignores non-Vault stores", () => {
    expect(problem("SecretStore \"does-not-exist\" not found")).toMatchObject({ file: "orders/eso.yaml", line: 98, severity: "warning" });
    expect(problem("dataFrom.find")).toBeDefined();
    expect(result.consumptions.some((c) => c.vaultPath.includes("some/aws"))).toBe(false);
    expect(result.problems.some((p) => p.message.includes("from-aws"))).toBe(false);
  });
  it("expands ClusterExternalSecret into its listed namespaces; refreshInterval 0 = synced once", () => {
    expect(edge("k8s:orders/deployment/orders-sentry-user", "database-prod/static/sentry")).toMatchObject({ refreshIntervalSeconds: null, refreshTrigger: "spec-change", reload: "restart", line: 128 });
    expect(problem("namespace selectors cannot be resolved")).toMatchObject({ line: 121 });
  });
  it("ignores Kubernetes Secrets that do not come from Vault", () => {
    expect(edges("k8s:orders/deployment/orders-api").every((c) => !c.via.includes("some-plain-secret"))).toBe(true);
  });
});

describe("Secrets Store CSI driver", () => {
  it("reads objects from the SecretProviderClass; rotation interval from its annotation", () => {
    expect(edge("k8s:search/deployment/search-indexer", "kv-prod/data/search/prod/elastic", "file")).toMatchObject({
      mechanism: "csi", refreshIntervalSeconds: 90, reload: "hot", keys: ["password"],
      identity: { authMount: "kubernetes-prod", role: "search-indexer", serviceAccount: "search-indexer", namespace: "search" },
    });
    expect(edge("k8s:search/deployment/search-indexer", "pki/issue/search").leased).toBe(true);
  });
  it("synced secretObjects consumed as env need a restart", () => {
    expect(edge("k8s:search/deployment/search-indexer", "kv-prod/data/search/prod/elastic", "k8s-secret-env")).toMatchObject({ mechanism: "csi", reload: "restart" });
  });
  it("rotation off by default: written at mount, restart", () => {
    expect(edge("k8s:search/deployment/search-api", "kv-prod/data/search/prod/api-key")).toMatchObject({ refreshIntervalSeconds: null, refreshTrigger: "pod-start", reload: "restart" });
  });
  it("the parse option (driver Helm values) turns rotation on", () => {
    const on = parseKubernetesManifests(files, { csiRotation: { enabled: true, pollIntervalSeconds: 120, via: "driver Helm values" } });
    expect(on.consumptions.find((c) => c.vaultPath === "kv-prod/data/search/prod/api-key")).toMatchObject({ refreshIntervalSeconds: 120, reload: "hot" });
  });
  it("reports a volume pointing at a missing class and unparsable objects", () => {
    expect(problem("\"not-there\"")).toMatchObject({ line: 95 });
    expect(problem("parameters.objects is not valid YAML")).toMatchObject({ line: 50 });
  });
});

describe("declared direct reads", () => {
  it("radius.dev/vault-read creates direct edges read at start (per run for a Job)", () => {
    expect(edge("k8s:orders/job/orders-migrate", "database-prod/creds/orders-migrate")).toMatchObject({
      mechanism: "direct", reload: "per-run", leased: true, refreshTrigger: "pod-start", identity: { authMount: "kubernetes-prod", role: "orders-migrate" },
    });
  });
});

describe("clusters and the CSI driver's own flags", () => {
  const driver = (enabled: boolean) => `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: secrets-store-csi-driver, namespace: kube-system }
spec:
  template:
    spec:
      containers:
        - name: secrets-store
          image: registry.k8s.io/csi-secrets-store/driver:v1.4.4
          args: ["--endpoint=$(CSI_ENDPOINT)", "--enable-secret-rotation=${enabled}", "--rotation-poll-interval=3m"]
`;
  const app = `apiVersion: secrets-store.csi.x-k8s.io/v1
kind: SecretProviderClass
metadata: { name: vault, namespace: web }
spec:
  provider: vault
  parameters:
    roleName: web
    objects: |
      - { objectName: k, secretPath: kv/data/web/k, secretKey: v }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: web }
spec:
  template:
    spec:
      containers: [{ name: web, image: web }]
      volumes: [{ name: s, csi: { driver: secrets-store.csi.k8s.io, volumeAttributes: { secretProviderClass: vault } } }]
`;
  const r = parseKubernetesManifests([
    { file: "k8s-nonprod/kube-system/driver.yaml", text: driver(true) }, { file: "k8s-nonprod/web/app.yaml", text: app },
    { file: "k8s-prod/kube-system/driver.yaml", text: driver(false) }, { file: "k8s-prod/web/app.yaml", text: app },
  ], { clusterOf: clusterFromFirstFolder });
  it("prefixes keys with the cluster and keeps lookups within it", () => {
    expect(r.workloads.map((w) => w.key).filter((k) => k.includes("/web/"))).toEqual(["k8s:k8s-nonprod/web/deployment/web", "k8s:k8s-prod/web/deployment/web"]);
    expect(r.problems).toEqual([]);
  });
  it("reads rotation from the driver's args per cluster", () => {
    const byKey = Object.fromEntries(r.consumptions.map((c) => [c.workloadKey, c]));
    expect(byKey["k8s:k8s-nonprod/web/deployment/web"]).toMatchObject({ refreshIntervalSeconds: 180, reload: "hot" });
    expect(byKey["k8s:k8s-prod/web/deployment/web"]).toMatchObject({ refreshIntervalSeconds: null, reload: "restart" });
  });
});

describe("malformed input", () => {
  it("reports invalid YAML with its line and keeps the other documents of the file", () => {
    expect(result.problems).toContainEqual(expect.objectContaining({ file: "broken/invalid.yaml", line: 3, severity: "error" }));
    const mixed = result.problems.find((p) => p.file === "broken/mixed.yaml");
    expect(mixed).toMatchObject({ severity: "error", message: expect.stringContaining("document 2 skipped") });
    expect(result.workloads.map((w) => w.name)).toEqual(expect.arrayContaining(["first-ok", "third-ok"]));
  });

  it("never throws on arbitrary text or arbitrary YAML-shaped objects", () => {
    fc.assert(fc.property(fc.string(), (text) => { parseKubernetesManifests([{ file: "x.yaml", text }]); }), { numRuns: 300 });
    const k8sish = fc.record({
      apiVersion: fc.constantFrom("apps/v1", "v1", "external-secrets.io/v1beta1", "secrets-store.csi.x-k8s.io/v1"),
      kind: fc.constantFrom("Deployment", "Pod", "CronJob", "ExternalSecret", "SecretStore", "SecretProviderClass", "List"),
      metadata: fc.anything(), spec: fc.anything(), items: fc.anything(),
    });
    fc.assert(fc.property(fc.array(k8sish, { maxLength: 4 }), (docs) => {
      const text = docs.map((d) => JSON.stringify(d)).join("\n---\n");
      parseKubernetesManifests([{ file: "x.yaml", text }]);
    }), { numRuns: 300 });
  });

  it("never throws on annotation-heavy pod templates", () => {
    const keys = fc.constantFrom("vault.hashicorp.com/agent-inject", "vault.hashicorp.com/agent-inject-secret-a", "vault.hashicorp.com/agent-inject-template-a", "vault.hashicorp.com/agent-inject-command-a",
      "vault.hashicorp.com/agent-pre-populate-only", "vault.hashicorp.com/template-static-secret-render-interval", "vault.hashicorp.com/role", "vault.hashicorp.com/auth-path",
      "radius.dev/reload", "radius.dev/vault-read", "radius.dev/csi-rotation", "radius.dev/csi-rotation-poll-interval", "secret.reloader.stakater.com/reload", "reloader.stakater.com/auto");
    const values = fc.oneof(fc.constantFrom("true", "false", "1h", "x", "", "{{ with secret \"kv/data/x\" }}{{ end }}", "{{ secret ( }}"), fc.string());
    const pod = fc.record({
      metadata: fc.record({ annotations: fc.dictionary(keys, values), labels: fc.dictionary(keys, values) }),
      spec: fc.record({
        serviceAccountName: fc.oneof(fc.string(), fc.anything()),
        containers: fc.array(fc.record({ env: fc.array(fc.record({ valueFrom: fc.record({ secretKeyRef: fc.record({ name: fc.constantFrom("s", "t") }) }) })), envFrom: fc.anything(), volumeMounts: fc.anything() }), { maxLength: 2 }),
        volumes: fc.array(fc.oneof(fc.record({ name: fc.string(), csi: fc.record({ driver: fc.constant("secrets-store.csi.k8s.io"), volumeAttributes: fc.record({ secretProviderClass: fc.constantFrom("p", "q") }) }) }), fc.anything()), { maxLength: 2 }),
      }),
    });
    const spc = "apiVersion: secrets-store.csi.x-k8s.io/v1\nkind: SecretProviderClass\nmetadata: {name: p}\nspec: {provider: vault, parameters: {objects: '- {objectName: a, secretPath: kv/data/a}'}, secretObjects: [{secretName: s, data: [{objectName: a}]}]}\n";
    fc.assert(fc.property(pod, fc.constantFrom("Pod", "Deployment", "CronJob"), (p, kind) => {
      const body = kind === "Pod" ? { ...p, metadata: { ...p.metadata, name: "x" } } : kind === "CronJob" ? { metadata: { name: "x" }, spec: { jobTemplate: { spec: { template: p } } } } : { metadata: { name: "x" }, spec: { template: p } };
      const r = parseKubernetesManifests([{ file: "a.yaml", text: `${spc}---\n${JSON.stringify({ apiVersion: "v1", kind, ...body })}` }]);
      expect(r.problems.every((x) => x.severity !== "error")).toBe(true);
    }), { numRuns: 300 });
  });

  it("bounds alias expansion", () => {
    const bomb = ["a: &a [x,x,x,x,x,x,x,x,x]", ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`)].join("\n");
    const r = parseKubernetesManifests([{ file: "bomb.yaml", text: bomb }]);
    expect(r.problems[0]).toMatchObject({ severity: "error", file: "bomb.yaml" });
  });
});
