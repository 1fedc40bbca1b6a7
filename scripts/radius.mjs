#!/usr/bin/env node
// The `radius` command (package.json "bin"). A tiny launcher: TypeScript entry points run through
// tsx's ESM API, resolved from this project's node_modules (not the caller's working directory).
import { tsImport } from "tsx/esm/api";

const COMMANDS = { acl: "./acl-cli.ts" };

const [command, ...args] = process.argv.slice(2);
if (!command || !Object.hasOwn(COMMANDS, command)) {
  process.stderr.write(`usage: radius <command> [args]\ncommands: ${Object.keys(COMMANDS).join(", ")}\n`);
  process.exit(2);
}

const entry = await tsImport(COMMANDS[command], import.meta.url);
// A CommonJS-compiled entry exposes its exports under `default` as well.
const run = entry.main ?? entry.default?.main;
process.exitCode = await run(args);
