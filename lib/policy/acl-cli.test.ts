import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// End to end: the `radius` bin launcher -> tsx -> scripts/acl-cli.ts, on real files.
const ROOT = path.resolve(__dirname, "../..");
const dir = mkdtempSync(path.join(tmpdir(), "radius-acl-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

function radius(...args: string[]) {
  const run = spawnSync(process.execPath, [path.join(ROOT, "scripts/radius.mjs"), ...args], { cwd: dir, encoding: "utf8" });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("radius acl", () => {
  it("prints capabilities and the deciding rule per path", () => {
    const apps = write("apps.hcl", 'path "secret/data/apps/*" {\n  capabilities = ["read", "list"]\n}\n');
    const lock = write("lockdown.hcl", 'path "secret/data/apps/payments"\n{\n  capabilities = ["deny"]\n}\n');
    const run = radius("acl", "--policy", apps, "--policy", lock, "secret/data/apps/web", "secret/data/apps/payments", "sys/mounts");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      "secret/data/apps/web": { capabilities: ["list", "read"], decidedBy: { pattern: "secret/data/apps/*", policies: ["apps"] } },
      "secret/data/apps/payments": { capabilities: ["deny"], decidedBy: { pattern: "secret/data/apps/payments", policies: ["lockdown"] } },
      "sys/mounts": { capabilities: ["deny"], decidedBy: null },
    });
  });

  it("exits 1 with file:line:col on a syntax error or a capability Vault rejects", () => {
    const broken = write("broken.hcl", 'path "a" {\n  capabilities = ["read"\n}\n');
    const run = radius("acl", "--policy", broken, "a");
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:3:1: Missing item separator`));

    const typo = write("typo.hcl", 'path "a" {\n  capabilities = ["raed"]\n}\n');
    const second = radius("acl", "--policy", typo, "a");
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`${typo}:2:19: path "a": invalid capability "raed"`);
  });

  it("exits 2 on bad usage", () => {
    expect(radius("acl", "secret/x").code).toBe(2);
    expect(radius("nope").code).toBe(2);
  });
});
