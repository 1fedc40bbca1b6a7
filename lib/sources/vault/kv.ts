/**
 * KV walk: recursive LIST of `<mount>/metadata/<folder>/` (keys ending in "/" are folders; a name
 * can be a secret and a folder at once), then GET `<mount>/metadata/<path>` per secret. Never
 * touches `<mount>/data/`. KV v1 has no metadata endpoint: LIST `<mount>/<folder>/` only, never a
 * GET (a v1 GET returns the value).
 */
import type { SecretRecord } from "@/lib/sync/snapshot-data";
import { addProblem, getValidated, listKeys, type CollectContext } from "./collect-context";
import { kvV1Record, kvV2Record } from "./kv-record";
import type { SecretMount } from "./mount-tables";
import { kvMetadataSchema } from "./schemas";

/** Segments are URL-encoded for the request; records keep the names Vault listed. */
const encodePath = (path: string) => path.split("/").map(encodeURIComponent).join("/");

export interface KvProgress {
  tick(): void;
}

export async function collectKvV2(ctx: CollectContext, mount: SecretMount, progress: KvProgress): Promise<SecretRecord[]> {
  const out: SecretRecord[] = [];
  const readSecret = async (path: string) => {
    const location = `${mount.path}/metadata/${encodePath(path)}`;
    const meta = await getValidated(ctx, location, kvMetadataSchema);
    progress.tick();
    if (!meta) return;
    const { record, rotationProblem } = kvV2Record(ctx.cluster, mount.path, path, meta.data);
    if (rotationProblem) addProblem(ctx, "GET", location, rotationProblem, "warning");
    out.push(record);
  };
  await walk(ctx, (folder) => `${mount.path}/metadata/${encodePath(folder)}`, "", readSecret);
  return out;
}

export async function collectKvV1(ctx: CollectContext, mount: SecretMount, progress: KvProgress): Promise<SecretRecord[]> {
  const out: SecretRecord[] = [];
  await walk(ctx, (folder) => `${mount.path}/${encodePath(folder)}`, "", async (path) => {
    out.push(kvV1Record(ctx.cluster, mount.path, path));
    progress.tick();
  });
  return out;
}

/** Depth-first over folders, all in parallel; the shared limiter bounds the requests in flight. */
async function walk(ctx: CollectContext, listPath: (folder: string) => string, folder: string, onSecret: (path: string) => Promise<void>): Promise<void> {
  const keys = await listKeys(ctx, listPath(folder));
  if (!keys) return; // recorded as a problem: this subtree is missing from the snapshot
  await Promise.all(
    keys.map((key) => (key.endsWith("/") ? walk(ctx, listPath, `${folder}${key}`, onSecret) : onSecret(`${folder}${key}`))),
  );
}
