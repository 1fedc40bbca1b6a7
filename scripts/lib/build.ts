import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Builds the portal (prisma generate + next build) unless the last build was made from the same
 * sources. A fingerprint of the source tree is kept next to the build output.
 */
export async function ensureBuilt(root: string, env: NodeJS.ProcessEnv): Promise<void> {
  const stamp = path.join(root, ".next", "radius-build-fingerprint");
  const fingerprint = fingerprintSources(root);
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === fingerprint && existsSync(path.join(root, ".next", "BUILD_ID"))) {
    return;
  }
  console.log("[radius] building the portal (first run or sources changed)...");
  run(process.execPath, [path.join(root, "scripts", "prisma.mjs"), "generate"], root, env);
  run(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], root, {
    ...env,
    NEXT_TELEMETRY_DISABLED: "1",
  });
  writeFileSync(stamp, fingerprint);
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { cwd, env, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`${path.basename(args[0] ?? command)} ${args.slice(1).join(" ")} failed`);
}

const SOURCE_DIRS = ["app", "components", "lib", "prisma", "public"];
const SOURCE_FILES = ["package-lock.json", "next.config.js", "tsconfig.json", "postcss.config.mjs", "instrumentation.ts", "proxy.ts"];

function fingerprintSources(root: string): string {
  const hash = createHash("sha256");
  const visit = (file: string): void => {
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const entry of readdirSync(file).sort()) visit(path.join(file, entry));
    } else if (!/\.test\.tsx?$/.test(file)) {
      hash.update(path.relative(root, file)).update(String(stat.size)).update(String(stat.mtimeMs));
    }
  };
  for (const name of [...SOURCE_DIRS, ...SOURCE_FILES]) visit(path.join(root, name));
  return hash.digest("hex");
}
