#!/usr/bin/env node
// The `radius` command (package.json "bin"). A tiny launcher: TypeScript entry points run through
// tsx's ESM API, resolved from this project's node_modules (not the caller's working directory).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { tsImport } from "tsx/esm/api";

const COMMANDS = { acl: "./acl-cli.ts", "verify-audit": "./verify-audit-trail.ts" };
// Entry points that load server modules (`import "server-only"`) need Node's react-server condition.
const SERVER_COMMANDS = new Set(["verify-audit"]);

const [command, ...args] = process.argv.slice(2);
if (!command || !Object.hasOwn(COMMANDS, command)) {
  process.stderr.write(`usage: radius <command> [args]\ncommands: ${Object.keys(COMMANDS).join(", ")}\n`);
  process.exit(2);
}

if (SERVER_COMMANDS.has(command) && !process.execArgv.includes("--conditions=react-server")) {
  const child = spawnSync(process.execPath, ["--conditions=react-server", ...process.execArgv, fileURLToPath(import.meta.url), command, ...args], { stdio: "inherit" });
  process.exit(child.status ?? 2);
}

const entry = await tsImport(COMMANDS[command], import.meta.url);
// A CommonJS-compiled entry exposes its exports under `default` as well.
const run = entry.main ?? entry.default?.main;
process.exitCode = await run(args);
