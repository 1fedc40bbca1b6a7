import { describe, expect, it } from "vitest";
import { esoVaultPath } from "./eso-vault-path";
import { secretPathsInTemplate } from "./vault-agent-template";

describe("esoVaultPath (ESO buildPath)", () => {
  it.each([
    ["kv-prod", "v2", "payments/stripe", "kv-prod/data/payments/stripe"],
    ["kv-prod", "v2", "kv-prod/payments/stripe", "kv-prod/data/payments/stripe"],
    ["kv-prod", "v2", "kv-prod/data/payments/stripe", "kv-prod/data/payments/stripe"],
    ["kv-prod", "v2", "/payments/stripe", "kv-prod/data/payments/stripe"],
    ["secret", "v1", "payments/stripe", "secret/payments/stripe"],
    ["database", "v1", "creds/app", "database/creds/app"],
    [null, "v2", "kv/payments/stripe", "kv/data/payments/stripe"],
    [null, "v2", "kv/data/payments/stripe", "kv/data/payments/stripe"],
    [null, "v1", "kv/payments/stripe", "kv/payments/stripe"],
  ] as const)("mount %s %s key %s -> %s", (mount, version, key, expected) => {
    expect(esoVaultPath(mount, version, key)).toBe(expected);
  });
});

describe("secretPathsInTemplate", () => {
  it("finds literal secret and pkiCert paths, counts computed ones", () => {
    const t = `{{ with secret "kv/data/a" }}{{ end }}{{- with secret \`db/creds/x\` -}}{{ end }}{{ pkiCert "pki/issue/web" "common_name=a" }}{{ range secrets "kv/metadata/" }}{{ end }}{{ with secret (printf "kv/data/%s" .x) }}{{ end }}{{ with secret "kv/data/a" }}{{ end }}`;
    expect(secretPathsInTemplate(t)).toEqual({ paths: ["kv/data/a", "db/creds/x", "pki/issue/web"], dynamic: 1 });
  });
});
