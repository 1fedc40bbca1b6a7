"use server";

import { authorizeAction } from "@/lib/auth/guard";
import { getRequestContext } from "@/lib/auth/request-context";
import { toActionFailure, type ActionFailure } from "@/lib/errors";
import { appSyncDeps } from "./app-deps";
import { startManualSync } from "./service";

export type SyncNowResult = { ok: true; started: boolean } | ActionFailure;

/** Admin "Sync now": starts a sync in the background and returns. */
export async function syncNowAction(): Promise<SyncNowResult> {
  try {
    const user = await authorizeAction("sync.run");
    const { started } = await startManualSync(user, await getRequestContext(), appSyncDeps());
    return { ok: true, started };
  } catch (error) {
    return toActionFailure(error);
  }
}
