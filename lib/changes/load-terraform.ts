import "server-only";
/**
 * The Terraform files of the base branch, through the provider (a local repository or a forge's
 * API): every .tf, .tf.json and .hcl under TERRAFORM_DIR, read in one batch when the provider can.
 */
import { AppError } from "@/lib/errors";
import type { ChangeProvider } from "./providers/types";
import { buildTerraformRepo, normaliseDir, TERRAFORM_SUFFIXES, type TerraformRepo } from "./render";
import type { ChangeSettings } from "./settings";

const MAX_FILES = 5_000;
const CONCURRENCY = 8;

export async function loadTerraformRepo(provider: ChangeProvider, settings: Pick<ChangeSettings, "terraformDir" | "baseBranch">): Promise<TerraformRepo> {
  const dir = normaliseDir(settings.terraformDir);
  const listed = await provider.listFiles(dir || ".", settings.baseBranch);
  const paths = listed.filter((p) => (dir === "" || p.startsWith(`${dir}/`)) && TERRAFORM_SUFFIXES.some((s) => p.endsWith(s)));
  if (paths.length > MAX_FILES) {
    throw new AppError("unprocessable", { userMessage: `TERRAFORM_DIR holds ${paths.length} Terraform files; Radius edits at most ${MAX_FILES}. Point TERRAFORM_DIR at the Vault configuration folder.` });
  }
  const contents = provider.readFiles ? await provider.readFiles(paths, settings.baseBranch) : await readEach(provider, paths, settings.baseBranch);
  const files = new Map<string, string>();
  for (const p of paths) {
    const text = contents.get(p);
    if (typeof text === "string") files.set(dir ? p.slice(dir.length + 1) : p, text);
  }
  return buildTerraformRepo(dir, files);
}

async function readEach(provider: ChangeProvider, paths: string[], ref: string): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const p = paths[next++] as string;
      out.set(p, await provider.readFile(p, ref));
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, paths.length) }, worker));
  return out;
}
