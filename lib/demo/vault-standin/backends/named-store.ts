/** A name -> item map with a cached sorted key list: the shape of every "roles"-style collection. */
export class NamedStore<T extends { name: string }> {
  private readonly items = new Map<string, T>();
  private sorted: string[] | null = null;

  constructor(
    items: readonly T[] = [],
    /** Kubernetes and AppRole store role names lower-cased (and look them up that way). */
    private readonly lowerCase = false,
  ) {
    for (const item of items) this.set(item);
  }

  private key(name: string): string {
    return this.lowerCase ? name.toLowerCase() : name;
  }

  get(name: string): T | undefined {
    return this.items.get(this.key(name));
  }

  has(name: string): boolean {
    return this.items.has(this.key(name));
  }

  set(item: T): void {
    this.items.set(this.key(item.name), item);
    this.sorted = null;
  }

  delete(name: string): void {
    this.items.delete(this.key(name));
    this.sorted = null;
  }

  /** Sorted names, or undefined when empty (so the LIST becomes Vault's 404). */
  keys(): string[] | undefined {
    this.sorted ??= [...this.items.keys()].sort();
    return this.sorted.length > 0 ? this.sorted : undefined;
  }

  values(): IterableIterator<T> {
    return this.items.values();
  }
}
