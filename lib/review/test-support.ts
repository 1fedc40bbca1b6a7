/** For review tests: the demo people as a directory and as CurrentUsers, and a PDF text reader. */
import { inflateSync } from "node:zlib";
import type { Role } from "@/lib/auth/roles";
import type { CurrentUser } from "@/lib/auth/user";
/* eslint-disable-next-line import/no-restricted-paths -- test wiring only (imported by *.test.ts) */
import { DEMO_USERS } from "@/lib/demo/oidc/demo-users";
import { staticDirectory, type ReviewerCandidate } from "./directory";

const ROLE_OF: Record<string, Role[]> = { alice: ["engineer"], sam: ["security"], carol: ["compliance"], adam: ["admin"], nina: [] };

export const DEMO_REVIEWERS: ReviewerCandidate[] = DEMO_USERS.map((u) => ({ email: u.email, name: u.name, groups: [...u.groups], roles: ROLE_OF[u.login] ?? [] }));

export const demoDirectory = () => staticDirectory(DEMO_REVIEWERS);

export function demoUser(login: keyof typeof ROLE_OF): CurrentUser {
  const u = DEMO_USERS.find((x) => x.login === login)!;
  return { email: u.email, name: u.name, roles: ROLE_OF[login] ?? [] };
}

/** Text shown by a pdfkit PDF: every content stream inflated, every TJ array's hex strings decoded. */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  const lines: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(m[1]!, "latin1")).toString("latin1");
    } catch {
      continue; // not a flate stream (e.g. font data)
    }
    for (const tj of content.matchAll(/\[((?:<[0-9a-fA-F]*>|[^\]])*)\]\s*TJ/g)) {
      lines.push([...tj[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1]!, "hex").toString("latin1")).join(""));
    }
  }
  return lines.join("\n");
}

export const pdfPageCount = (pdf: Buffer): number => (pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;

export async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
