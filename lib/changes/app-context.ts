import "server-only";
import type { RequestContext } from "@/lib/auth/request-context";
import type { CurrentUser } from "@/lib/auth/user";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import type { ChangesContext } from "./context";
import { createChangeProvider } from "./providers";
import type { ChangeProvider } from "./providers/types";
import { changeSettingsFromEnv } from "./settings";

const globalForProvider = globalThis as unknown as { radiusChangeProvider?: ChangeProvider };

/** The provider the environment configures, created once per process. */
export function appChangeProvider(): ChangeProvider {
  globalForProvider.radiusChangeProvider ??= createChangeProvider(getConfig());
  return globalForProvider.radiusChangeProvider;
}

/** The context pages, route handlers and actions use: the app's database, forge and settings. */
export function changesContext(user: CurrentUser, request?: RequestContext): ChangesContext {
  return { db, user, provider: appChangeProvider(), settings: changeSettingsFromEnv(getConfig()), request };
}
