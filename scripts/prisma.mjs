#!/usr/bin/env node
// Runs the Prisma CLI. Prisma's native schema engine cannot be downloaded on our build machines;
// `generate`, `validate` and `format` do not need it (they use WebAssembly) but the CLI still tries
// to download it unless PRISMA_SCHEMA_ENGINE_BINARY names an existing file. Point it at a harmless
// executable only when unset, so machines with the real engine keep using it.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const cli = path.join(root, "node_modules", "prisma", "build", "index.js");
const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const standIn = ["/bin/true", "/usr/bin/true"].find((p) => existsSync(p));
  if (standIn) env.PRISMA_SCHEMA_ENGINE_BINARY = standIn;
}
// Telemetry and update checks would try the network and stall offline.
env.CHECKPOINT_DISABLE ??= "1";
env.PRISMA_HIDE_UPDATE_MESSAGE ??= "1";

const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { cwd: root, env, stdio: "inherit" });
process.exit(result.status ?? 1);
