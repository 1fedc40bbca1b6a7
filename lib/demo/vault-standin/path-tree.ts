/**
 * Folder index for LIST: maps a folder prefix ("", "payments/", "payments/prod/") to its direct
 * children, Vault-style ("stripe" for a leaf, "prod/" for a sub-folder; a name can be both).
 * Built once at start so a LIST never scans the world; sorted child lists are cached until the
 * folder changes, because Vault returns keys in storage (lexicographic) order.
 */
export class PathTree {
  private readonly folders = new Map<string, Set<string>>();
  private readonly sorted = new Map<string, string[]>();
  private readonly leaves = new Set<string>();

  add(path: string): void {
    if (this.leaves.has(path)) return;
    this.leaves.add(path);
    let child = path;
    let isLeaf = true;
    // Walk up only while folders are new: amortised O(1) per path, no string splitting.
    for (;;) {
      const { folder, key } = splitChild(child, isLeaf);
      let children = this.folders.get(folder);
      const created = !children;
      if (!children) this.folders.set(folder, (children = new Set()));
      if (children.has(key)) return;
      children.add(key);
      this.sorted.delete(folder);
      if (!created || folder === "") return;
      child = folder;
      isLeaf = false;
    }
  }

  remove(path: string): void {
    if (!this.leaves.delete(path)) return;
    let child = path;
    let isLeaf = true;
    // Drop the leaf, then every folder the removal left empty.
    for (;;) {
      const { folder, key } = splitChild(child, isLeaf);
      const children = this.folders.get(folder);
      if (!children) return;
      children.delete(key);
      this.sorted.delete(folder);
      if (children.size > 0) return;
      this.folders.delete(folder);
      if (folder === "") return;
      child = folder;
      isLeaf = false;
    }
  }

  has(path: string): boolean {
    return this.leaves.has(path);
  }

  /** Children of a folder ("" = root, otherwise ending in "/"), or undefined when empty/missing. */
  list(folder: string): readonly string[] | undefined {
    const cached = this.sorted.get(folder);
    if (cached) return cached;
    const children = this.folders.get(folder);
    if (!children || children.size === 0) return undefined;
    const keys = [...children].sort();
    this.sorted.set(folder, keys);
    return keys;
  }

  get size(): number {
    return this.leaves.size;
  }
}

/** "a/b/c" -> folder "a/b/", key "c"; folder "a/b/" -> folder "a/", key "b/". */
function splitChild(child: string, isLeaf: boolean): { folder: string; key: string } {
  const cut = isLeaf ? child.lastIndexOf("/") : child.lastIndexOf("/", child.length - 2);
  return { folder: cut < 0 ? "" : child.slice(0, cut + 1), key: child.slice(cut + 1) };
}
