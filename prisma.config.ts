import { defineConfig } from "prisma/config";

// Prisma 7 reads the connection URL from here (not from schema.prisma). Only the migrate/studio
// commands need it; `generate` and `validate` work without a database, so a missing DATABASE_URL
// must not break them (hence no env() helper, which throws when the variable is unset).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
