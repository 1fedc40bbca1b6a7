import { parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import { demoOrg } from "./test-fixture";

const A = "vault.hashicorp.com/";

describe("manifests, workflows and catalog", () => {
  const org = demoOrg();
  const yamlFiles = org.files.filter((f) => /\.ya?ml$/.test(f.path));
  const malformed = new Set(org.groundTruth.malformedManifests.map((m) => m.file));
  const parsed = (content: string): unknown[] => parseAllDocuments(content).map((d) => {
    if (d.errors.length) throw d.errors[0];
    return d.toJS();
  });
  const kvPaths = new Set(org.groundTruth.secrets.map((s) => (s.kind === "kv-v2" ? `${s.mount}/data/${s.path}` : `${s.mount}/${s.path}`)));

  it("parse with `yaml`, except the one deliberately broken file", () => {
    const failures = yamlFiles.filter((f) => { try { parsed(f.content); return false; } catch { return true; } }).map((f) => f.path);
    expect(failures).toEqual([...malformed].filter((f) => f.endsWith("broken-indentation.yaml")));
    expect(malformed.size).toBe(2);
  });

  it("point every agent annotation at a real path, except the deliberate orphan", () => {
    const dangling: string[] = [];
    let annotated = 0;
    for (const f of yamlFiles.filter((x) => x.path.startsWith("manifests/") && !x.path.endsWith("broken-indentation.yaml"))) {
      type Tmpl = { metadata?: { annotations?: Record<string, string> } };
      for (const doc of parsed(f.content) as Array<{ spec?: { template?: Tmpl; jobTemplate?: { spec?: { template?: Tmpl } } } }>) {
        const tmpl = doc?.spec?.template ?? doc?.spec?.jobTemplate?.spec?.template;
        for (const [k, v] of Object.entries(tmpl?.metadata?.annotations ?? {})) {
          if (!k.startsWith(`${A}agent-inject-secret-`)) continue;
          annotated++;
          if (!kvPaths.has(v)) dangling.push(f.path);
        }
      }
    }
    expect(annotated).toBeGreaterThan(50);
    expect(dangling).toEqual([...malformed].filter((f) => f.endsWith("orphan-annotation.yaml")));
  });

  it("covers every distribution mechanism and the override annotations", () => {
    const all = yamlFiles.map((f) => f.content).join("\n");
    for (const needle of ["kind: ExternalSecret", "kind: ClusterSecretStore", "kind: SecretProviderClass", "secretObjects:", "kind: StatefulSet", "kind: CronJob", "kind: ServiceAccount",
      `${A}agent-inject-template-`, `${A}agent-inject-command-`, `${A}template-static-secret-render-interval`, `${A}agent-cache-enable`, "--enable-secret-rotation=true", "--enable-secret-rotation=false"]) {
      expect(all, needle).toContain(needle);
    }
    const mechanisms = new Set(org.groundTruth.secrets.flatMap((s) => s.consumers.map((c) => `${c.mechanism}/${c.reload}`)));
    for (const m of ["vault-agent/hot", "vault-agent/restart", "eso/hot", "eso/restart", "csi/hot", "csi/restart", "ci-oidc/per-run"]) expect(mechanisms, m).toContain(m);
  });

  it("pins vault-action by full SHA except the unpinned uses listed in ground truth", () => {
    const workflows = yamlFiles.filter((f) => f.path.startsWith("workflows/"));
    const unpinned: string[] = [];
    for (const f of workflows) {
      const doc = parsed(f.content)[0] as { jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, string> }> }> };
      for (const step of Object.values(doc.jobs).flatMap((j) => j.steps)) {
        if (step.uses && !/@[0-9a-f]{40}$/.test(step.uses)) unpinned.push(`${f.path.split("/")[1]}:${step.uses}`);
        if (step.uses?.startsWith("hashicorp/vault-action@")) {
          expect(step.with).toMatchObject({ method: "jwt", path: "github-actions" });
          for (const line of (step.with?.secrets ?? "").split("\n").filter(Boolean)) expect(line.trim()).toMatch(/^[a-z0-9/._-]+ [a-z_]+ \| [A-Z0-9_]+( ;)?$/);
        }
      }
    }
    expect(unpinned.sort()).toEqual(org.groundTruth.unpinnedActions.map((u) => `${u.repo.split("/")[1]}:${u.uses}`).sort());
    const statics = workflows.filter((f) => f.content.includes("${{ secrets.")).map((f) => `acme/${f.path.split("/")[1]}`);
    expect(statics.sort()).toEqual(org.groundTruth.staticSecretWorkflows.map((s) => s.repo).sort());
  });

  it("declares dependencies in Backstage and derives dependents from them", () => {
    const catalog = yamlFiles.filter((f) => f.path.startsWith("catalog/"));
    expect(catalog).toHaveLength(org.counts.services);
    expect(catalog.some((f) => f.content.includes("dependsOn:"))).toBe(true);
    expect(org.groundTruth.secrets.some((s) => s.dependents.length > 0)).toBe(true);
  });
});
