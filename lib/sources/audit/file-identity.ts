/**
 * Which file is which, across logrotate: a file is its (device, inode), and a fingerprint of its
 * first bytes tells a file truncated and rewritten in place (copytruncate) from the one we read.
 */
import { createHash } from "node:crypto";
import { readdir, stat, type FileHandle } from "node:fs/promises";
import path from "node:path";

export const FINGERPRINT_BYTES = 1024;
const COMPRESSED = /\.(gz|bz2|xz|zst|lz4|zip)$/;

export interface FileId {
  device: string;
  inode: string;
}

export async function statId(file: string): Promise<(FileId & { size: number }) | null> {
  try {
    const s = await stat(file, { bigint: true });
    return { device: s.dev.toString(), inode: s.ino.toString(), size: Number(s.size) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

export async function fingerprintOf(fh: FileHandle, bytes: number): Promise<string> {
  if (bytes <= 0) return "";
  const buf = Buffer.alloc(bytes);
  const { bytesRead } = await fh.read(buf, 0, bytes, 0);
  return createHash("sha256").update(buf.subarray(0, bytesRead)).digest("hex");
}

/**
 * Rotated siblings of `file` ("vault_audit.log.1", "vault_audit.log-20261203"; compressed ones
 * cannot be read from an offset and are skipped), with their identity and size.
 */
export async function rotatedSiblings(file: string): Promise<Array<FileId & { file: string; size: number }>> {
  const dir = path.dirname(file);
  const base = path.basename(file);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const out: Array<FileId & { file: string; size: number }> = [];
  for (const name of names.sort()) {
    if (name === base || !name.startsWith(base) || COMPRESSED.test(name)) continue;
    const full = path.join(dir, name);
    const id = await statId(full);
    if (id) out.push({ ...id, file: full });
  }
  return out;
}

export const sameFile = (a: FileId, b: FileId): boolean => a.device === b.device && a.inode === b.inode;
