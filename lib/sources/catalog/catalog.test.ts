import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { ParsedWorkload } from "../types";
import { parseEntityRef } from "./entity-ref";
import { mapCatalogToWorkloads } from "./map-catalog";
import { parseCatalog } from "./parse-catalog";

const text = readFileSync(path.join(__dirname, "fixtures/catalog-info.yaml"), "utf8");
const catalog = parseCatalog([{ file: "catalog-info.yaml", text }]);

const workload = (key: string, labels: Record<string, string> = {}, ownerTeam: string | null = null): ParsedWorkload => {
  const [, ns, kind, name] = /^k8s:([^/]+)\/([^/]+)\/(.+)$/.exec(key) ?? [null, null, "ci-job", key.slice(key.indexOf("#") + 1)];
  return {
    key, kind: kind as ParsedWorkload["kind"], name: name as string, namespace: ns ?? null, ownerTeam, serviceAccount: null,
    reload: { appReload: "unspecified", appReloadVia: null, reloaderWatches: null }, labels, sourceFile: "x", line: 1,
  };
};
const workloads = [
  workload("k8s:payments/deployment/payments-api", {}, null),
  workload("k8s:payments/cronjob/payments-reconcile", { "app.kubernetes.io/part-of": "payments-api" }, "payments-batch-team"),
  workload("k8s:orders/deployment/orders-api", { "backstage.io/kubernetes-id": "orders" }),
  workload("k8s:staging/deployment/orders-api", { "backstage.io/kubernetes-id": "orders" }),
  workload("k8s:search/deployment/search-indexer", { "app.kubernetes.io/part-of": "search", tier: "backend" }),
  workload("k8s:search/deployment/search-ui", { "app.kubernetes.io/part-of": "search", tier: "frontend" }),
  workload("ci:acme/payments-api/.github/workflows/deploy.yml#deploy"),
];
const mapping = mapCatalogToWorkloads(catalog.components, workloads);

describe("parseCatalog", () => {
  it("reads components with normalised refs, owners and dependencies", () => {
    expect(catalog.components.map((c) => c.ref)).toEqual(["component:default/payments-api", "component:default/orders-api", "component:default/search", "component:web/storefront"]);
    expect(catalog.components[0]).toMatchObject({
      owner: "group:default/payments", ownerTeam: "payments", line: 1,
      dependsOn: ["component:default/orders-api", "resource:default/payments-db", "component:default/ghost-service"],
    });
    expect(catalog.components[2]).toMatchObject({ owner: "user:default/jdoe", ownerTeam: "jdoe" });
  });
  it("defaults dependsOn namespaces to the entity's own and reports invalid refs", () => {
    expect(catalog.components[3]?.dependsOn).toEqual(["component:web/payments-api", "component:default/payments-api"]);
    expect(catalog.problems.filter((p) => p.message.includes("invalid entity reference")).map((p) => p.line)).toEqual([60, 60]);
  });
  it("reports the broken document with its line and keeps the others", () => {
    expect(catalog.problems).toContainEqual(expect.objectContaining({ source: "catalog", severity: "error", line: expect.any(Number), message: expect.stringContaining("document 4 skipped") }));
  });
  it("parses entity refs", () => {
    expect(parseEntityRef("Component:Default/X", { kind: "group", namespace: "n" })).toEqual({ kind: "component", namespace: "default", name: "x" });
    expect(parseEntityRef("x", { kind: "group", namespace: "n" })).toEqual({ kind: "group", namespace: "n", name: "x" });
    expect(parseEntityRef("a:b:c", { kind: "group", namespace: "n" })).toBeNull();
  });
});

describe("mapCatalogToWorkloads", () => {
  it("matches by name/labels, kubernetes-id (+namespace), label selector and project slug", () => {
    expect(mapping.componentWorkloads).toEqual({
      "component:default/payments-api": ["k8s:payments/deployment/payments-api", "k8s:payments/cronjob/payments-reconcile", "ci:acme/payments-api/.github/workflows/deploy.yml#deploy"],
      "component:default/orders-api": ["k8s:orders/deployment/orders-api"],
      "component:default/search": ["k8s:search/deployment/search-indexer"],
      "component:web/storefront": [],
    });
  });
  it("fills owner teams where the manifests said nothing", () => {
    const owner = (key: string) => mapping.workloads.find((w) => w.key === key)?.ownerTeam;
    expect(owner("k8s:payments/deployment/payments-api")).toBe("payments");
    expect(owner("k8s:payments/cronjob/payments-reconcile")).toBe("payments-batch-team");
    expect(owner("k8s:search/deployment/search-ui")).toBeNull();
  });
  it("turns dependsOn and dependencyOf into workload dependencies and reports unknown components", () => {
    expect(mapping.dependencies.map((d) => `${d.fromKey} -> ${d.toKey}`).sort()).toEqual([
      "k8s:payments/cronjob/payments-reconcile -> k8s:orders/deployment/orders-api",
      "k8s:payments/deployment/payments-api -> k8s:orders/deployment/orders-api",
      "k8s:search/deployment/search-indexer -> k8s:orders/deployment/orders-api",
    ]);
    expect(mapping.problems.map((p) => p.message)).toEqual(expect.arrayContaining([
      "component:default/payments-api depends on component:default/ghost-service, which is not in the catalog",
      "component:web/storefront depends on component:web/payments-api, which is not in the catalog",
    ]));
  });
  it("pairs dependent workloads within the same cluster and environment only", () => {
    const comps = parseCatalog([{ file: "c.yaml", text: "kind: Component\nmetadata: {name: a}\nspec: {owner: t, dependsOn: [component:b]}\n---\nkind: Component\nmetadata: {name: b}\nspec: {owner: t}\n" }]).components;
    const ws = [
      workload("k8s:c1/t-dev/deployment/a"), workload("k8s:c1/t-staging/deployment/a"), workload("k8s:c2/t-prod/deployment/a"),
      workload("k8s:c1/t-dev/deployment/b"), workload("k8s:c1/t-staging/deployment/b"), workload("k8s:c2/t-prod/deployment/b"), workload("k8s:c1/t-prod/deployment/b"),
    ].map((w) => ({ ...w, name: w.key.split("/").pop() as string, namespace: w.key.split("/")[1] as string }));
    expect(mapCatalogToWorkloads(comps, ws).dependencies.map((d) => `${d.fromKey} -> ${d.toKey}`)).toEqual([
      "k8s:c1/t-dev/deployment/a -> k8s:c1/t-dev/deployment/b", "k8s:c1/t-staging/deployment/a -> k8s:c1/t-staging/deployment/b", "k8s:c2/t-prod/deployment/a -> k8s:c2/t-prod/deployment/b",
    ]);
  });
  it("never throws", () => {
    fc.assert(fc.property(fc.string(), (t) => { parseCatalog([{ file: "c.yaml", text: t }]); }), { numRuns: 300 });
    const entity = fc.record({ kind: fc.constantFrom("Component", "component", "System"), metadata: fc.anything(), spec: fc.anything() });
    fc.assert(fc.property(fc.array(entity, { maxLength: 4 }), (list) => {
      const parsed = parseCatalog([{ file: "c.yaml", text: list.map((e) => JSON.stringify(e)).join("\n---\n") }]);
      mapCatalogToWorkloads(parsed.components, workloads);
    }), { numRuns: 300 });
  });
});
