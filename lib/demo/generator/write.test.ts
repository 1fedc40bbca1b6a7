import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateDemoOrganisation } from "./generate";
import { TEST_NOW } from "./test-fixture";
import { writeDemoOrganisation } from "./write";

describe("writeDemoOrganisation", () => {
  const dirs: string[] = [];
  const tmp = (): string => { const d = mkdtempSync(path.join(tmpdir(), "radius-demo-")); dirs.push(d); return d; };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const org = generateDemoOrganisation({ seed: 5, scale: 0.1, now: TEST_NOW });

  it("writes world.json (the stand-in's input), ground truth and every plane", async () => {
    const dir = tmp();
    await writeDemoOrganisation(org, dir);
    expect(JSON.parse(readFileSync(path.join(dir, "world.json"), "utf8"))).toEqual(org.clusters[0]);
    expect(JSON.parse(readFileSync(path.join(dir, "ground-truth.json"), "utf8")).canaryPrefix).toBe("RADIUS-CANARY-");
    for (const f of [...org.files, ...org.terraform.files]) expect(existsSync(path.join(dir, f.path)), f.path).toBe(true);
    await writeDemoOrganisation(org, dir); // replacing a previous output is fine
  });

  it("refuses to clear a non-empty directory that is not a previous output", async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, "precious.txt"), "keep me");
    await expect(writeDemoOrganisation(org, dir)).rejects.toThrow(/refusing to overwrite/);
    expect(readFileSync(path.join(dir, "precious.txt"), "utf8")).toBe("keep me");
  });
});
