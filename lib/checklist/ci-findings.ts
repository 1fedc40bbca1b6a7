// No "server-only": recordDailyHistory runs from instrumentation.ts (history-scheduler.ts), which
// Next.js compiles outside the react-server build where that package throws. Server code only.
import { parseWorkflows } from "@/lib/sources/ci";
import { readSourceFiles } from "@/lib/sources/kubernetes";

export interface CiFindings {
  files: number;
  jobs: number;
  staticSecrets: { repo: string; workflowFile: string; job: string; name: string; line: number }[];
  unpinnedActions: number;
  readAt: string;
}

// The sync keeps CI workloads and Vault consumption edges but not the static-secret references,
// so the checklist re-reads the workflows (pure parser, same as the sync). Cached per snapshot:
// the evidence then describes the workflows as of the first look after each sync.
const cache = new Map<string, Promise<CiFindings>>();

export function readCiFindings(dir: string, owner: string, snapshotKey: string, now: Date): Promise<CiFindings> {
  const key = `${dir}\u0000${owner}\u0000${snapshotKey}`;
  let entry = cache.get(key);
  if (!entry) {
    entry = (async () => {
      const files = await readSourceFiles(dir, [".yml", ".yaml"]);
      const parsed = parseWorkflows(files, { defaultOwner: owner });
      return { files: files.length, jobs: parsed.workloads.length, staticSecrets: parsed.staticSecrets, unpinnedActions: parsed.unpinnedActions.length, readAt: now.toISOString() };
    })();
    entry.catch(() => cache.delete(key));
    cache.set(key, entry);
    while (cache.size > 4) cache.delete(cache.keys().next().value as string);
  }
  return entry;
}
