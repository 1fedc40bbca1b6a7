/**
 * Child process of the crash tests (tsx ingest-child.fixture.ts <databaseUrl> <file> <batchLines> <delayMs>):
 * ingests the file to its end in small, slow batches, so the parent can SIGKILL it mid-way.
 */
import pg from "pg";
import { ingestAvailable, openFileTail } from "./ingest-file";
import { AuditBatchWriter } from "./write-batch";

async function main(): Promise<void> {
  const [url, file, batchLines, delayMs] = process.argv.slice(2);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const tail = await openFileTail(client, file!, () => "c", () => null, Number(batchLines));
  const writer = new AuditBatchWriter(client);
  await ingestAvailable(tail, writer, async () => {
    process.stdout.write("batch\n");
    await new Promise((r) => setTimeout(r, Number(delayMs)));
  });
  await tail.close();
  await client.end();
  process.stdout.write("done\n");
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
