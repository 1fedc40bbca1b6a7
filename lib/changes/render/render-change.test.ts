import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { parse } from "@cdktf/hcl2json";
import { beforeAll, describe, expect, it } from "vitest";
import { parsePolicy } from "@/lib/policy";
import { computeAccessDelta } from "../delta";
import { fieldRejection } from "../errors";
import type { ChangeFacts } from "../facts";
import { changeInputSchema, fieldErrors, type RenderedFile } from "../schemas";
import { CLICK_OPS, CLUSTER, fixtureFacts, fixtureFiles, fixtureRepo, KEYS } from "../test-fixtures";
import { fromParsedLiteral, hasTemplateExpression } from "./hcl-string";
import { renderChange } from "./render-change";
import { buildTerraformRepo, type TerraformRepo } from "./terraform-repo";
import { diffLines } from "./unified-diff";

const CHANGE_ID = "0b7c3e52-1a2b-4c3d-8e9f-001122334455";
const CANARY = "CANARY-s3cr3t-value-9f2c";
const TERRAFORM = ["/usr/local/bin/terraform", "/usr/bin/terraform"].find(existsSync);

type Doc = { resource?: Record<string, Record<string, Record<string, unknown>[]>>; import?: Record<string, unknown>[] };
const parseTf = async (text: string) => (await parse("x.tf", text)) as Doc;
const addresses = (doc: Doc) => Object.entries(doc.resource ?? {}).flatMap(([t, byName]) => Object.keys(byName).map((n) => `${t}.${n}`)).sort();
const attrs = (doc: Doc, address: string) => {
  const [type, name] = address.split(".") as [string, string];
  return doc.resource?.[type]?.[name]?.[0] as Record<string, unknown>;
};
const file = (files: RenderedFile[], path: string) => {
  const f = files.find((x) => x.path === path);
  if (!f) throw new Error(`${path} not rendered (got ${files.map((x) => x.path)})`);
  return f;
};
/** Lines that differ between before and after (removed and added). */
const changedLines = (f: RenderedFile) => diffLines((f.before ?? "").split("\n"), f.after.split("\n")).filter((o) => o.op !== " ");

describe("renderChange against a demo-style Terraform repository", () => {
  let facts: ChangeFacts;
  let repo: TerraformRepo;
  const render = (raw: Record<string, unknown>, over: Partial<{ facts: ChangeFacts; repo: TerraformRepo }> = {}) =>
    renderChange(changeInputSchema.parse(raw), { changeId: CHANGE_ID, facts: over.facts ?? facts, repo: over.repo ?? repo, changesFile: "team-{team}.tf" });
  const rejection = async (raw: Record<string, unknown>) => {
    try {
      await render(raw);
    } catch (error) {
      const r = fieldRejection(error);
      if (r) return r;
      throw error;
    }
    throw new Error("expected a rejection");
  };
  beforeAll(async () => {
    facts = await fixtureFacts();
    repo = await fixtureRepo();
  });

  const HOSTILE_DESCRIPTION = `He said "hi" \\ \${jndi:ldap://x} %{ if true }x%{ endif } <<EOT EOT а ℯ 😀 ${"x".repeat(180)}`;
  const create = {
    kind: "secret.create", cluster: CLUSTER, mount: "kv-prod", path: "payments/prod/payments-api/webhook-signing-key", environment: "prod",
    ownerTeam: "team-payments", description: HOSTILE_DESCRIPTION, classification: "restricted", rotationPeriodDays: "30", engine: "kv-v2",
    readers: [KEYS.paymentsApi, KEYS.ciGateway, KEYS.teamPayments, KEYS.paymentsApi], reason: 'Webhook "signing" key; ${not} %{interpolated} EOT',
    // Never part of a request: the schema drops them, so they can never reach Terraform.
    value: CANARY, data: { password: CANARY }, secret: CANARY,
  };

  it("secret.create: a value-less vault_kv_secret_v2 whose metadata parses back to exactly the hostile input", async () => {
    const result = await render(create);
    const tf = file(result.files, "team-payments.tf");
    const doc = await parseTf(tf.after);
    const before = await parseTf(tf.before as string);
    const kv = "vault_kv_secret_v2.kv_prod_payments_prod_payments_api_webhook_signing_key";
    const policy = "vault_policy.read_kv_prod_payments_prod_payments_api_webhook_signing_key";
    expect(addresses(doc)).toEqual([...addresses(before), kv, policy].sort());
    const secret = attrs(doc, kv);
    expect(secret).toMatchObject({ mount: "${vault_mount.kv_prod.path}", name: "payments/prod/payments-api/webhook-signing-key", disable_read: true, data_json: "${jsonencode({})}", lifecycle: [{ ignore_changes: ["${data_json}"] }] });
    const data = (secret.custom_metadata as { data: Record<string, string> }[])[0]?.data as Record<string, string>;
    expect(Object.keys(data).sort()).toEqual(["classification", "description", "environment", "owner", "rotation_period"]);
    for (const v of Object.values(data)) expect(hasTemplateExpression(v)).toBe(false);
    expect(Object.fromEntries(Object.entries(data).map(([k, v]) => [k, fromParsedLiteral(v)]))).toEqual({
      owner: "team-payments", classification: "restricted", rotation_period: "720h", environment: "prod", description: HOSTILE_DESCRIPTION,
    });
    // The readers' policy reads exactly the new path.
    const text = fromParsedLiteral(attrs(doc, policy).policy as string);
    expect((await parsePolicy("p", text)).rules.map((r) => [r.path, r.capabilities])).toEqual([
      ["kv-prod/data/payments/prod/payments-api/webhook-signing-key", ["read"]],
      ["kv-prod/metadata/payments/prod/payments-api/webhook-signing-key", ["list", "read"]],
    ]);
    for (const f of result.files) expect(f.after).not.toContain(CANARY);
    expect(JSON.stringify(changeInputSchema.parse(create))).not.toContain(CANARY);
  });

  it("secret.create: each reader's policy list gains the new policy and nothing else in its file changes", async () => {
    const result = await render(create);
    const ref = "vault_policy.read_kv_prod_payments_prod_payments_api_webhook_signing_key.name";
    const identity = file(result.files, "identity.tf");
    expect(changedLines(identity)).toEqual([
      { op: "-", line: "  policies = [vault_policy.team_payments.name]" },
      { op: "+", line: `  policies = [vault_policy.team_payments.name, ${ref}]` },
    ]);
    const team = file(result.files, "team-payments.tf");
    // The file is the original with exactly these edits, then the appended blocks.
    const head = team.after.slice(0, team.after.indexOf("\n\n# Radius change") + 1);
    expect(changedLines({ ...team, after: head })).toEqual([
      { op: "-", line: "  token_policies                   = [vault_policy.svc_payments_api_prod.name]" },
      { op: "+", line: `  token_policies                   = [vault_policy.svc_payments_api_prod.name, ${ref}]` },
      { op: "+", line: `    ${ref},` },
    ]);
    expect(result.attachments.map((a) => a.identityKey).sort()).toEqual([KEYS.ciGateway, KEYS.paymentsApi, KEYS.teamPayments].sort());
  });

  it("rejects hostile input in the schema, with a message on the field", () => {
    const bad = (over: Record<string, unknown>) => {
      const r = changeInputSchema.safeParse({ ...create, ...over });
      expect(r.success).toBe(false);
      return r.success ? {} : fieldErrors(r.error);
    };
    expect(bad({ path: "../../etc/passwd" }).path).toBeTruthy();
    expect(bad({ path: "payments/../prod" }).path).toBeTruthy();
    expect(bad({ path: "payments/${var.x}" }).path).toBeTruthy();
    expect(bad({ path: 'payments/a"b' }).path).toBeTruthy();
    expect(bad({ path: "раyments/prod/key" }).path).toBeTruthy(); // Cyrillic "р" and "а"
    expect(bad({ path: "payments/\u202eyek" }).path).toBeTruthy();
    expect(bad({ mount: 'kv" {' }).mount).toBeTruthy();
    expect(bad({ ownerTeam: "team-payments\nEOT" }).ownerTeam).toBeTruthy();
    expect(bad({ description: "line one\nEOT\nresource" }).description).toMatch(/control/);
    expect(bad({ description: "admin\u202e" }).description).toMatch(/bidirectional/);
    expect(bad({ description: "zero\u200bwidth" }).description).toBeTruthy();
    expect(bad({ description: "x".repeat(301) }).description).toMatch(/at most 300/);
    expect(bad({ reason: "short" }).reason).toMatch(/at least 10/);
    expect(bad({ reason: "a reason\r\nwith CRLF" }).reason).toBeTruthy();
    expect(bad({ readers: ['primary:kubernetes-prod/payments-api"]'] })["readers.0"]).toBeTruthy();
    expect(bad({ rotationPeriodDays: "1e400" }).rotationPeriodDays).toBeTruthy();
    expect(bad({ rotationPeriodDays: "-1" }).rotationPeriodDays).toBeTruthy();
    expect(bad({ cluster: "primary;rm -rf" }).cluster).toBeTruthy();
    // NFC: what is stored is what Terraform will hold.
    const nfc = changeInputSchema.parse({ ...create, description: "丽 cafe\u0301" });
    expect(nfc.kind === "secret.create" && nfc.description).toBe("丽 café".normalize("NFC"));
  });

  it("access.grant: adds exact rules to the identity's own policy (heredoc), leaving the rest of the file alone", async () => {
    const result = await render({ kind: "access.grant", identityKey: KEYS.paymentsApi, secretKey: KEYS.staging, access: "read", reason: "needs the staging deploy key" });
    expect(result.files.map((f) => f.path)).toEqual(["team-payments.tf"]);
    const f = file(result.files, "team-payments.tf");
    expect(changedLines(f).every((o) => o.op === "+")).toBe(true);
    const doc = await parseTf(f.after);
    const text = fromParsedLiteral(attrs(doc, "vault_policy.svc_payments_api_prod").policy as string);
    expect(result.policyTexts.get("svc-payments-api-prod")).toBe(text);
    expect((await parsePolicy("svc", text)).rules.map((r) => r.path)).toEqual([
      "kv-prod/data/payments/prod/payments-api/*", "kv-prod/metadata/payments/prod/payments-api/*",
      "kv/data/payments/staging/deploy-key", "kv/metadata/payments/staging/deploy-key",
    ]);
    const delta = await computeAccessDelta(facts, result);
    expect(delta.gains).toEqual([{ identityKey: KEYS.paymentsApi, secretKey: KEYS.staging, capabilities: ["read", "list"], policy: "svc-payments-api-prod", rule: "kv/data/payments/staging/deploy-key" }]);
    expect(delta.losses).toEqual([]);
  });

  it("access.grant: a new per-request policy when the identity shares its policies, appended to a one-per-line list", async () => {
    const result = await render({ kind: "access.grant", identityKey: KEYS.ciGateway, secretKey: KEYS.stripe, access: "read", reason: "gateway CI needs stripe" });
    const f = file(result.files, "team-payments.tf");
    expect(f.after).toContain("  token_policies = [\n    vault_policy.ci_payments.name,\n    vault_policy.grant_ci_payments_gateway_0b7c3e52.name,\n  ]\n");
    expect(f.after).toContain('resource "vault_policy" "grant_ci_payments_gateway_0b7c3e52" {');
    const delta = await computeAccessDelta(facts, result);
    // Only the gateway gains: ci-payments (shared with ci-payments-api) was not widened.
    expect(delta.gains.map((g) => g.identityKey)).toEqual([KEYS.ciGateway]);
  });

  it("access.grant: refuses what is already granted, unknown identities and cross-cluster requests", async () => {
    expect(await rejection({ kind: "access.grant", identityKey: KEYS.paymentsApi, secretKey: KEYS.stripe, access: "read", reason: "already has it though" })).toMatchObject({ field: "secretKey", message: expect.stringMatching(/already read/) });
    expect(await rejection({ kind: "access.grant", identityKey: "primary:kubernetes-prod/nobody", secretKey: KEYS.stripe, access: "read", reason: "who is this identity" })).toMatchObject({ field: "identityKey" });
    expect(await rejection({ kind: "access.grant", identityKey: KEYS.paymentsApi, secretKey: "primary:kv-prod/none/such", access: "read", reason: "no such secret here" })).toMatchObject({ field: "secretKey" });
  });

  it("access.revoke: an explicit deny in the identity's own policies/*.hcl when the rule also grants other secrets", async () => {
    const result = await render({ kind: "access.revoke", identityKey: KEYS.eso, secretKey: KEYS.stripe, reason: "ESO must not sync stripe" });
    expect(result.files.map((f) => f.path)).toEqual(["policies/eso-prod.hcl"]);
    const f = file(result.files, "policies/eso-prod.hcl");
    expect(f.after.startsWith(f.before as string)).toBe(true);
    expect((await parsePolicy("eso", f.after)).rules.map((r) => [r.path, r.capabilities])).toEqual([
      ["kv-prod/data/*", ["read"]], ["kv-prod/data/payments/prod/payments-api/stripe-key", ["deny"]],
    ]);
    expect(result.notes.join(" ")).toMatch(/also matches 2 other secrets.*explicit `deny`/);
    const delta = await computeAccessDelta(facts, result);
    expect(delta.losses).toEqual([{ identityKey: KEYS.eso, secretKey: KEYS.stripe, capabilities: ["read"], policy: "eso-prod", rule: "kv-prod/data/*" }]);
    expect(delta.gains).toEqual([]);
  });

  it("access.revoke: removes an exact rule only this identity carries", async () => {
    const result = await render({ kind: "access.revoke", identityKey: KEYS.legacy, secretKey: KEYS.license, reason: "legacy export retired" });
    const f = file(result.files, "policies/legacy-batch.hcl");
    expect((await parsePolicy("legacy", f.after)).rules).toEqual([]);
    expect(result.summary.join(" ")).toMatch(/Removes rule/);
    expect((await computeAccessDelta(facts, result)).losses.map((l) => l.identityKey)).toEqual([KEYS.legacy]);
  });

  it("access.revoke: a deny policy for this identity only when the granting policy is shared", async () => {
    const result = await render({ kind: "access.revoke", identityKey: KEYS.ciApi, secretKey: KEYS.staging, reason: "api CI no longer deploys" });
    const f = file(result.files, "team-payments.tf");
    expect(f.after).toContain("token_policies = [vault_policy.ci_payments.name, vault_policy.revoke_ci_payments_api_0b7c3e52.name]");
    expect(result.notes.join(" ")).toMatch(/carried by 2 identities/);
    const delta = await computeAccessDelta(facts, result);
    expect(delta.losses.map((l) => [l.identityKey, l.secretKey])).toEqual([[KEYS.ciApi, KEYS.staging]]);
    expect(await rejection({ kind: "access.revoke", identityKey: KEYS.ciApi, secretKey: KEYS.stripe, reason: "nothing to take away" })).toMatchObject({ field: "secretKey" });
  });

  it("rotation.update: adopts a secret Terraform does not declare (import + metadata-only), keeping all its metadata", async () => {
    const result = await render({ kind: "rotation.update", secretKey: KEYS.stripe, rotationPeriodDays: 7, reason: "rotate every week now" });
    const f = file(result.files, "team-payments.tf");
    const doc = await parseTf(f.after);
    expect(doc.import).toEqual([{ id: "kv-prod/data/payments/prod/payments-api/stripe-key", to: "${vault_kv_secret_v2.kv_prod_payments_prod_payments_api_stripe_key}" }]);
    const data = ((attrs(doc, "vault_kv_secret_v2.kv_prod_payments_prod_payments_api_stripe_key").custom_metadata as { data: Record<string, string> }[])[0]?.data) as Record<string, string>;
    expect(Object.fromEntries(Object.entries(data).map(([k, v]) => [k, fromParsedLiteral(v)]))).toEqual({ owner: "team-payments", rotation_period: "168h", "team/notes": "card processor", description: 'quote " and ${x}' });
  });

  it("rotation.update: edits rotation_period in place when Terraform declares the secret", async () => {
    const files = fixtureFiles();
    const declared = `resource "vault_kv_secret_v2" "dev_api_key" {\n  mount = vault_mount.kv.path\n  name  = "payments/dev/api-key"\n  custom_metadata {\n    data = {\n      owner           = "team-payments"\n      rotation_period = "720h"\n    }\n  }\n}\n`;
    files.set("secrets.tf", declared);
    const result = await render({ kind: "rotation.update", secretKey: KEYS.devKey, rotationPeriodDays: 90, reason: "quarterly is enough" }, { repo: await fixtureRepo(files) });
    const f = file(result.files, "secrets.tf");
    expect(f.after).toBe(declared.replace('"720h"', '"2160h"'));
    // Without a rotation_period entry yet: one aligned line is added to the map.
    files.set("secrets.tf", declared.replace('      rotation_period = "720h"\n', ""));
    const added = await render({ kind: "rotation.update", secretKey: KEYS.devKey, rotationPeriodDays: 90, reason: "quarterly is enough" }, { repo: await fixtureRepo(files) });
    expect(file(added.files, "secrets.tf").after).toBe(declared.replace('"720h"', '"2160h"'));
  });

  it("policy.codify: the live text unchanged, as a heredoc when provably safe, else an escaped string", async () => {
    const result = await render({ kind: "policy.codify", cluster: CLUSTER, policyName: CLICK_OPS.name, reason: "bring click-ops into Terraform" });
    const f = file(result.files, "team-shared.tf");
    expect(f.before).toBeNull();
    expect(f.after).toContain("policy = <<-EOT\n");
    const doc = await parseTf(f.after);
    expect(fromParsedLiteral(attrs(doc, "vault_policy.debug_payments_prod").policy as string)).toBe(CLICK_OPS.text);
    expect(doc.import).toEqual([{ id: CLICK_OPS.name, to: "${vault_policy.debug_payments_prod}" }]);
    expect(await computeAccessDelta(facts, result)).toMatchObject({ gains: [], losses: [], newPaths: [] });

    for (const [text, form] of [
      [`/*\nEOT\n*/\npath "kv/data/x" {\n  capabilities = ["read"]\n}\n`, "<<-EOP"],
      [`# \${x} %{y} "q" \\ \u202e\n/*\nEOT\n*/\npath "kv/data/x" {\n  capabilities = ["read"]\n}`, 'policy = "# $${x} %%{y} \\"q\\" \\\\ \\u202e\\n'],
    ] as const) {
      const hostile = { ...facts, policies: [...facts.policies, { cluster: CLUSTER, name: "hostile", origin: "live" as const, rawHcl: text, parsed: await parsePolicy("hostile", text) }] };
      const r = await render({ kind: "policy.codify", cluster: CLUSTER, policyName: "hostile", ownerTeam: "security", reason: "hostile text must survive" }, { facts: hostile });
      const out = file(r.files, "team-security.tf");
      expect(out.after).toContain(form);
      expect(fromParsedLiteral(attrs(await parseTf(out.after), "vault_policy.hostile").policy as string)).toBe(text);
    }
    expect(await rejection({ kind: "policy.codify", cluster: CLUSTER, policyName: "eso-prod", reason: "already in terraform" })).toMatchObject({ field: "policyName", message: expect.stringMatching(/already declared/) });
    expect(await rejection({ kind: "policy.codify", cluster: CLUSTER, policyName: "nope", reason: "not a live policy" })).toMatchObject({ field: "policyName" });
  });

  it("secret.create: refuses an existing path, an unknown mount and identities Terraform does not manage", async () => {
    expect(await rejection({ ...create, path: "payments/prod/payments-api/stripe-key" })).toMatchObject({ field: "path" });
    expect(await rejection({ ...create, mount: "kv-other" })).toMatchObject({ field: "mount" });
    expect(await rejection({ ...create, readers: [KEYS.eso] })).toMatchObject({ field: "readers", message: expect.stringMatching(/not managed in the Terraform/) });
  });

  it("writes paths under TERRAFORM_DIR and honours TERRAFORM_CHANGES_FILE", async () => {
    const nested = await buildTerraformRepo("./infra/vault/", fixtureFiles());
    const result = await renderChange(changeInputSchema.parse({ ...create, readers: [] }), { changeId: CHANGE_ID, facts, repo: nested, changesFile: "changes/{team}.tf" });
    expect(result.files.map((f) => [f.path, f.before === null])).toEqual([["infra/vault/changes/payments.tf", true]]);
    // A folder of its own is another module: the mount is then written literally, not referenced.
    expect(result.files[0]?.after).toContain('mount        = "kv-prod"');
  });

  it("is deterministic", async () => {
    const a = await render(create);
    const b = await render(create);
    expect(b.files).toEqual(a.files);
  });

  it.skipIf(!TERRAFORM)("writes files `terraform fmt` leaves unchanged", async () => {
    const results = await Promise.all([
      render(create),
      render({ kind: "access.grant", identityKey: KEYS.ciGateway, secretKey: KEYS.stripe, access: "read", reason: "gateway CI needs stripe" }),
      render({ kind: "access.revoke", identityKey: KEYS.ciApi, secretKey: KEYS.staging, reason: "api CI no longer deploys" }),
      render({ kind: "rotation.update", secretKey: KEYS.stripe, rotationPeriodDays: 7, reason: "rotate every week now" }),
      render({ kind: "policy.codify", cluster: CLUSTER, policyName: CLICK_OPS.name, reason: "bring click-ops into Terraform" }),
    ]);
    for (const f of results.flatMap((r) => r.files).filter((x) => x.path.endsWith(".tf"))) {
      const formatted = execFileSync(TERRAFORM as string, ["fmt", "-no-color", "-"], { input: f.after, stdio: ["pipe", "pipe", "ignore"] }).toString();
      expect(formatted, f.path).toBe(f.after);
    }
  });
});
