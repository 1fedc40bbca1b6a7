import path from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { loadFixtures } from "../kubernetes/test-helpers";
import { isPinnedAction } from "./action-pinning";
import { parseWorkflows } from "./parse-workflows";
import { parseVaultActionSecrets } from "./vault-action-secrets";
import { locateWorkflow } from "./workflow-location";

const result = parseWorkflows(loadFixtures(path.join(__dirname, "fixtures")));
const DEPLOY = "ci:acme/payments-api/.github/workflows/deploy.yml#deploy";

describe("workflow location and keys", () => {
  it("takes the repo from the folders before .github/workflows (one or two levels)", () => {
    expect(locateWorkflow("acme/payments-api/.github/workflows/deploy.yml")).toEqual({ repo: "acme/payments-api", workflowFile: ".github/workflows/deploy.yml" });
    expect(locateWorkflow("legacy/.github/workflows/ci.yaml")).toEqual({ repo: "legacy", workflowFile: ".github/workflows/ci.yaml" });
    expect(locateWorkflow(".github/workflows/ci.yaml", "acme/mono")).toEqual({ repo: "acme/mono", workflowFile: ".github/workflows/ci.yaml" });
    expect(locateWorkflow("payments-api/.github/workflows/deploy.yml", "", "acme")).toEqual({ repo: "acme/payments-api", workflowFile: ".github/workflows/deploy.yml" });
    expect(locateWorkflow("other/payments-api/.github/workflows/deploy.yml", "", "acme").repo).toBe("other/payments-api");
  });
  it("creates one ci-job workload per job", () => {
    expect(result.workloads.map((w) => w.key)).toEqual([
      "ci:acme/payments-api/.github/workflows/deploy.yml#build", DEPLOY, "ci:acme/payments-api/.github/workflows/deploy.yml#reuse",
      "ci:legacy-app/.github/workflows/ci.yaml#release",
    ]);
    expect(result.workloads[1]).toMatchObject({ kind: "ci-job", name: "deploy", line: 20, reload: { appReload: "per-run" } });
  });
});

describe("hashicorp/vault-action", () => {
  it("turns each referenced path into a ci-oidc consumption refreshed at job start", () => {
    const deploy = result.consumptions.filter((c) => c.workloadKey === DEPLOY);
    expect(deploy.map((c) => c.vaultPath)).toEqual(["kv-prod/data/payments/prod/stripe", "database-prod/creds/payments-migrate", "kv-prod/data/payments/prod/ci"]);
    expect(deploy[0]).toMatchObject({
      keys: ["api-key", "webhook"], mechanism: "ci-oidc", reload: "per-run", refreshIntervalSeconds: 0, refreshTrigger: "job-start", delivery: "env",
      identity: { authMount: "github-actions", role: "payments-api-deploy", serviceAccount: null, namespace: null }, line: 34,
    });
    expect(deploy[1]).toMatchObject({ leased: true, keys: ["username", "password"], line: 36 });
    expect(deploy[2]).toMatchObject({ keys: ["registry token"], line: 37 });
  });
  it("warns on computed paths and malformed entries", () => {
    expect(result.problems).toContainEqual(expect.objectContaining({ source: "ci", line: 38, message: expect.stringContaining("computed at run time") }));
    expect(result.problems).toContainEqual(expect.objectContaining({ line: 39, message: expect.stringContaining("this-line-is-broken") }));
  });
  it("non-OIDC methods are direct reads; jwt without id-token permission is reported", () => {
    const release = result.consumptions.filter((c) => c.workloadKey === "ci:legacy-app/.github/workflows/ci.yaml#release");
    expect(release[0]).toMatchObject({ vaultPath: "kv/data/legacy/npm", mechanism: "direct", identity: { authMount: "approle" }, keys: ["token"] });
    expect(release[1]).toMatchObject({ vaultPath: "kv/data/legacy/other", mechanism: "ci-oidc", identity: { authMount: "jwt", role: "legacy" } });
    expect(result.problems).toContainEqual(expect.objectContaining({ message: expect.stringContaining("id-token: write"), file: "legacy-app/.github/workflows/ci.yaml" }));
  });
});

describe("static secrets and unpinned actions", () => {
  it("finds ${{ secrets.X }} anywhere in a job (and workflow env), not GITHUB_TOKEN", () => {
    const names = (job: string) => result.staticSecrets.filter((s) => s.job === job).map((s) => s.name).sort();
    expect(names("build")).toEqual(["SLACK_WEBHOOK"]);
    expect(names("deploy")).toEqual(["AWS_SECRET_ACCESS_KEY", "DEPLOY_TOKEN", "SLACK_WEBHOOK"]);
    expect(names("release")).toEqual(["VAULT_ROLE_ID", "VAULT_SECRET_ID"]);
    expect(result.staticSecrets.find((s) => s.name === "DEPLOY_TOKEN")).toMatchObject({ repo: "acme/payments-api", workflowFile: ".github/workflows/deploy.yml", line: 41 });
  });
  it("reports actions not pinned to a commit SHA, including reusable workflows and docker tags", () => {
    expect(result.unpinnedActions.map((u) => `${u.job}:${u.uses}:${u.line}`)).toEqual([
      "deploy:actions/checkout@v4:24", "deploy:hashicorp/vault-action@v3.0.0:27", "deploy:docker://alpine:3.19:44",
      "reuse:acme/shared-workflows/.github/workflows/notify.yml@main:46",
    ]);
  });
  it.each([
    ["actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11", true], ["actions/checkout@v4", false], ["actions/checkout", false],
    ["./local", true], ["docker://alpine@sha256:" + "a".repeat(64), true], ["docker://alpine:3", false], ["owner/repo/path@" + "A".repeat(40), true],
  ])("isPinnedAction(%s) = %s", (uses, pinned) => expect(isPinnedAction(uses)).toBe(pinned));
});

describe("malformed input", () => {
  it("reports invalid YAML with a line and files without jobs", () => {
    expect(result.problems).toContainEqual(expect.objectContaining({ file: "legacy-app/.github/workflows/broken.yml", severity: "error", line: expect.any(Number) }));
    expect(result.problems).toContainEqual(expect.objectContaining({ file: "legacy-app/.github/workflows/empty.yml", message: expect.stringContaining("no jobs") }));
  });
  it("parses vault-action secret syntax variants", () => {
    expect(parseVaultActionSecrets('a/b k;c/d "x y" | Z\n\n e/f * | P_ ;').secrets.map((s) => [s.path, s.key, s.output, s.lineOffset]))
      .toEqual([["a/b", "k", null, 0], ["c/d", "x y", "Z", 0], ["e/f", "*", "P_", 2]]);
  });
  it("never throws", () => {
    fc.assert(fc.property(fc.string(), (text) => { parseWorkflows([{ file: "r/.github/workflows/x.yml", text }]); }), { numRuns: 300 });
    const step = fc.record({ uses: fc.oneof(fc.string(), fc.constant("hashicorp/vault-action@v3")), with: fc.anything(), run: fc.anything() });
    const wf = fc.record({ permissions: fc.anything(), env: fc.anything(), jobs: fc.dictionary(fc.string(), fc.oneof(fc.anything(), fc.record({ steps: fc.array(step, { maxLength: 3 }), uses: fc.anything() }))) });
    fc.assert(fc.property(wf, (w) => { parseWorkflows([{ file: "r/.github/workflows/x.yml", text: JSON.stringify(w) }]); }), { numRuns: 300 });
    fc.assert(fc.property(fc.string(), (t) => { parseVaultActionSecrets(t); }));
  });
});
