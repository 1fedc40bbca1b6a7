import "server-only";
import { parseEnv, type Env } from "./config-schema";

let cached: Env | undefined;

/** The typed configuration, parsed once per process. Throws ConfigError naming bad variables. */
export function getConfig(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
