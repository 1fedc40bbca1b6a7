/** Test wiring: a snapshot seeded with createMany, as the sync would leave it. */
import type { PrismaClient } from "@/lib/db/create-client";
import { activateSnapshot, createSnapshot } from "@/lib/db/snapshots";
import type { HealthRecords } from "./records";
import { writeHealthRecords } from "./repository";

export interface SeedSecret { key: string; team?: string; environment?: string; consumers?: string[] }

export async function seedSnapshot(db: PrismaClient, secrets: SeedSecret[], records: HealthRecords): Promise<{ snapshotId: string; secretIds: Map<string, string> }> {
  const snapshotId = await createSnapshot(db);
  await db.secret.createMany({
    data: secrets.map((s) => {
      const [cluster, rest] = s.key.split(":") as [string, string];
      const [mount, ...path] = rest.split("/");
      return { snapshotId, key: s.key, cluster, mount: mount!, path: path.join("/"), engineKind: "database-dynamic", lifecycle: "dynamic" as const, ownerTeam: s.team ?? null, environment: s.environment ?? null };
    }),
  });
  const secretIds = new Map((await db.secret.findMany({ where: { snapshotId }, select: { id: true, key: true } })).map((s) => [s.key, s.id]));
  const workloadKeys = [...new Set(secrets.flatMap((s) => s.consumers ?? []))];
  await db.workload.createMany({ data: workloadKeys.map((key) => ({ snapshotId, key, kind: "deployment" as const, name: key.split("/").at(-1)! })) });
  const workloadIds = new Map((await db.workload.findMany({ where: { snapshotId }, select: { id: true, key: true } })).map((w) => [w.key, w.id]));
  await db.consumption.createMany({
    data: secrets.flatMap((s) => (s.consumers ?? []).map((w) => ({ snapshotId, workloadId: workloadIds.get(w)!, secretId: secretIds.get(s.key)!, secretRef: s.key, mechanism: "vault_agent" as const, reload: "hot" as const }))),
  });
  await db.$transaction((tx) => writeHealthRecords(tx, snapshotId, records, secretIds));
  await activateSnapshot(db, snapshotId);
  return { snapshotId, secretIds };
}
