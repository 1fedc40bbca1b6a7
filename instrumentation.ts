/**
 * Runs once when a Next.js server starts. Parses the configuration so that a bad variable stops
 * the start with a message naming it, instead of failing on the first request.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { parseEnv, ConfigError } = await import("./lib/config-schema");
  try {
    parseEnv(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`\n${error.message}\n\nSee README.md, "Configuration".\n`);
      process.exit(1);
    }
    throw error;
  }
}
