import type { ChangeFacts } from "../facts";
import type { RenderedFile } from "../schemas";
import type { TerraformRepo } from "./terraform-repo";

export interface RenderContext {
  /** The change request's id (a UUID, chosen before rendering so names and links can use it). */
  changeId: string;
  facts: ChangeFacts;
  repo: TerraformRepo;
  /** TERRAFORM_CHANGES_FILE, e.g. "team-{team}.tf". */
  changesFile: string;
}

/** What the change must achieve; checked on the delta before anything is opened. */
export type ExpectedOutcome =
  | { kind: "gain"; identityKey: string; secretKey: string; capability: "read" | "list" }
  | { kind: "lose"; identityKey: string; secretKey: string; capability: "read" | "list" }
  | { kind: "new-readers"; identityKeys: string[] }
  | { kind: "none" };

export interface RenderResult {
  cluster: string;
  title: string;
  files: RenderedFile[];
  /** Policy name -> its full text after the change, as Terraform will apply it (verified). */
  policyTexts: Map<string, string>;
  /** Policies added to identities' own policy lists. */
  attachments: { identityKey: string; policy: string }[];
  /** secret.create: the path that does not exist yet. */
  newSecret: { key: string; dataPath: string; metadataPath: string } | null;
  /** Markdown-safe sentences for the PR body: what was edited and why this way. */
  summary: string[];
  notes: string[];
  outcome: ExpectedOutcome;
}
