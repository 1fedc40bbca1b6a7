import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { DEMO_TOKENS, generateDemoOrganisation, writeDemoOrganisation } from "../../lib/demo/generator";
import type { VaultWorld } from "../../lib/demo/vault-world";

export interface DemoOnDisk {
  world: VaultWorld;
  readOnlyToken: string;
  paths: { terraform: string; manifests: string; workflows: string; catalog: string; auditLog: string };
}

/**
 * The demo organisation of the default run, generated once into `dir` (seed 1, scale 1, times
 * relative to the first start) and reused afterwards, so the Terraform repository keeps the
 * branches that change requests create. `npm start -- --reset` makes a fresh one.
 */
export async function ensureDemoOrganisation(dir: string, log: (line: string) => void): Promise<DemoOnDisk> {
  const worldFile = path.join(dir, "world.json");
  if (!existsSync(worldFile)) {
    const started = Date.now();
    const org = generateDemoOrganisation({ seed: 1, scale: 1, now: new Date() });
    await writeDemoOrganisation(org, dir);
    log(`generated the demo organisation in ${path.relative(process.cwd(), dir)} (${Date.now() - started} ms)`);
  }
  return {
    world: JSON.parse(readFileSync(worldFile, "utf8")) as VaultWorld,
    readOnlyToken: DEMO_TOKENS.readonly,
    paths: {
      terraform: path.join(dir, "terraform"),
      manifests: path.join(dir, "manifests"),
      workflows: path.join(dir, "workflows"),
      catalog: path.join(dir, "catalog"),
      auditLog: path.join(dir, "audit", "vault_audit.log"),
    },
  };
}
