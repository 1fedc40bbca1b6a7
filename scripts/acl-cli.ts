/**
 * `radius acl --policy a.hcl [--policy b.hcl ...] [--no-list-fallback] PATH...`
 * Prints, per path, the capabilities Vault would grant a token carrying those policies and the one
 * rule that decided them. Policy names come from the file names (`root.hcl` is the root policy).
 * Exit codes: 0 ok, 1 a policy does not parse (`file:line:col: message` on stderr), 2 usage.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { compileAcl, parsePolicy, PolicyParseError, type ParsedPolicy } from "../lib/policy/index";

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const USAGE = "usage: radius acl --policy FILE [--policy FILE ...] [--no-list-fallback] PATH...\n";

export async function main(args: readonly string[], io: Io = defaultIo()): Promise<number> {
  const parsed = readArgs(args);
  if ("error" in parsed) {
    io.stderr(`${parsed.error}\n${USAGE}`);
    return 2;
  }
  if (parsed.help) {
    io.stdout(USAGE);
    return 0;
  }
  const policies: ParsedPolicy[] = [];
  let failed = false;
  for (const file of parsed.policyFiles) {
    const result = await loadPolicy(file);
    if (Array.isArray(result)) {
      for (const error of result) io.stderr(`${error.message}\n`);
      failed = true;
    } else policies.push(result);
  }
  if (failed) return 1;

  const acl = compileAcl(policies);
  const output: Record<string, unknown> = {};
  for (const requestPath of parsed.paths) {
    const decision = acl.evaluate(requestPath, { listFallback: parsed.listFallback });
    output[requestPath] = {
      capabilities: decision.capabilities,
      decidedBy: decision.decidedBy && { pattern: decision.decidedBy.pattern, policies: decision.decidedBy.policies },
      ...(decision.templatedSkipped.length > 0 ? { templatedSkipped: decision.templatedSkipped } : {}),
    };
  }
  io.stdout(`${JSON.stringify(output, null, 2)}\n`);
  return 0;
}

/** A parsed policy, or every problem found in it (syntax errors and rules Vault would reject). */
async function loadPolicy(file: string): Promise<ParsedPolicy | Error[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "read error";
    return [new Error(`${file}: cannot read policy file (${code})`)];
  }
  const name = path.basename(file).replace(/\.(hcl|json)$/i, "");
  try {
    const policy = await parsePolicy(name, text, { file });
    return policy.errors.length > 0 ? policy.errors : policy;
  } catch (error) {
    if (error instanceof PolicyParseError) return [error];
    throw error;
  }
}

type Args = { policyFiles: string[]; paths: string[]; listFallback: boolean; help: boolean } | { error: string };

function readArgs(args: readonly string[]): Args {
  const policyFiles: string[] = [];
  const paths: string[] = [];
  let listFallback = true;
  let help = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--help" || arg === "-h") help = true;
    else if (arg === "--no-list-fallback") listFallback = false;
    else if (arg === "--policy" || arg === "-p") {
      const value = args[++i];
      if (value === undefined) return { error: `${arg} needs a file` };
      policyFiles.push(value);
    } else if (arg.startsWith("--policy=")) policyFiles.push(arg.slice("--policy=".length));
    else if (arg === "--") {
      paths.push(...args.slice(i + 1));
      break;
    } else if (arg.startsWith("-") && arg.length > 1) return { error: `unknown option ${arg}` };
    else paths.push(arg);
  }
  if (help) return { policyFiles, paths, listFallback, help };
  if (policyFiles.length === 0) return { error: "at least one --policy is required" };
  if (paths.length === 0) return { error: "at least one PATH is required" };
  return { policyFiles, paths, listFallback, help };
}

function defaultIo(): Io {
  return { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };
}
