// Applies pending SQL migrations (prisma/migrations) to DATABASE_URL, or to --url <url>.
// Used where Prisma's schema engine is unavailable; records them exactly as `prisma migrate deploy`.
import { applyMigrations } from "../lib/db/migrate";

async function main(): Promise<void> {
  const flag = process.argv.indexOf("--url");
  const url = flag >= 0 ? process.argv[flag + 1] : process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set (or pass --url postgresql://...)");
    process.exit(2);
  }
  const { applied, alreadyApplied } = await applyMigrations(url);
  for (const name of applied) console.log(`applied ${name}`);
  console.log(`${applied.length} applied, ${alreadyApplied.length} already applied`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
