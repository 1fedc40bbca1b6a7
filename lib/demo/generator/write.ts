import { execFileSync } from "node:child_process";
import { access, mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { DemoFile, DemoOrganisation } from "./types";

const GIT_AUTHOR = { name: "Acme Platform Team", email: "platform@acme.example" };

async function writeAll(root: string, files: DemoFile[]): Promise<void> {
  const dirs = new Set(files.map((f) => path.dirname(path.join(root, f.path))));
  for (const d of [...dirs].sort()) await mkdir(d, { recursive: true });
  // Bounded parallelism: fast at 30,000 files without exhausting file descriptors.
  for (let i = 0; i < files.length; i += 64) {
    await Promise.all(files.slice(i, i + 64).map((f) => writeFile(path.join(root, f.path), f.content)));
  }
}

/** Commits with a fixed author and dates, so the repository (and its hashes) is deterministic. */
function commitTerraform(dir: string, org: DemoOrganisation): void {
  const git = (args: string[], date?: string): void => {
    execFileSync("git", args, {
      cwd: dir, stdio: ["ignore", "ignore", "pipe"],
      env: {
        ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1",
        GIT_AUTHOR_NAME: GIT_AUTHOR.name, GIT_AUTHOR_EMAIL: GIT_AUTHOR.email, GIT_COMMITTER_NAME: GIT_AUTHOR.name, GIT_COMMITTER_EMAIL: GIT_AUTHOR.email,
        ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
      },
    });
  };
  git(["init", "-q", "-b", "main"]);
  for (const c of org.terraform.commits) {
    for (let i = 0; i < c.paths.length; i += 500) git(["add", "--", ...c.paths.slice(i, i + 500)]);
    git(["commit", "-q", "--no-gpg-sign", "-m", c.message], c.date);
  }
}

/** Replaces a previous output, but never deletes a non-empty directory that is not one. */
async function clearOutputDir(dir: string): Promise<void> {
  const entries = await readdir(dir).catch(() => null);
  if (entries === null || entries.length === 0) return;
  const previous = await access(path.join(dir, "ground-truth.json")).then(() => true, () => false);
  if (!previous) throw new Error(`refusing to overwrite ${dir}: not empty and not a previous demo output`);
  await rm(dir, { recursive: true, force: true });
}

/**
 * Writes the organisation under `dir` (replacing it): world.json for the stand-in, ground-truth.json,
 * terraform/ as a git repository, and manifests/, workflows/, catalog/, audit/.
 */
export async function writeDemoOrganisation(org: DemoOrganisation, dir: string): Promise<void> {
  await clearOutputDir(dir);
  await mkdir(dir, { recursive: true });
  const [primary, ...others] = org.clusters;
  await writeFile(path.join(dir, "world.json"), JSON.stringify(primary, null, 2));
  for (const w of others) await writeFile(path.join(dir, `world.${w.clusterName}.json`), JSON.stringify(w, null, 2));
  await writeFile(path.join(dir, "ground-truth.json"), JSON.stringify(org.groundTruth, null, 2));
  await writeAll(dir, org.files);
  const tfDir = path.join(dir, "terraform");
  await writeAll(dir, org.terraform.files);
  await mkdir(tfDir, { recursive: true });
  commitTerraform(tfDir, org);
}
