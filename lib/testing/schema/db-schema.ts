/** A database schema reduced to what Prisma models, in the shape Postgres reports it. */
export interface DbColumn {
  /** As `format_type()` prints it, e.g. "timestamp(3) with time zone", "text[]". */
  type: string;
  notNull: boolean;
  /** As `pg_get_expr()` prints it, e.g. "'{}'::jsonb"; null when none. */
  default: string | null;
}
export interface DbIndex {
  columns: string[];
  unique: boolean;
}
export interface DbForeignKey {
  columns: string[];
  refTable: string;
  refColumns: string[];
  onDelete: string;
  onUpdate: string;
}
export interface DbTable {
  columns: Record<string, DbColumn>;
  primaryKey: { name: string; columns: string[] } | null;
  /** By index name (primary key index excluded). */
  indexes: Record<string, DbIndex>;
  /** By constraint name. */
  foreignKeys: Record<string, DbForeignKey>;
}
export interface DbSchema {
  tables: Record<string, DbTable>;
  enums: Record<string, string[]>;
}

/** Human-readable differences; empty when the schemas agree. */
export function diffSchemas(expected: DbSchema, actual: DbSchema): string[] {
  const problems: string[] = [];
  const compare = (what: string, want: unknown, got: unknown) => {
    const w = JSON.stringify(want);
    const g = JSON.stringify(got);
    if (w !== g) problems.push(`${what}: schema.prisma says ${w ?? "nothing"}, migrations give ${g ?? "nothing"}`);
  };
  for (const name of union(Object.keys(expected.enums), Object.keys(actual.enums))) {
    compare(`enum ${name}`, expected.enums[name], actual.enums[name]);
  }
  for (const name of union(Object.keys(expected.tables), Object.keys(actual.tables))) {
    const want = expected.tables[name];
    const got = actual.tables[name];
    if (!want || !got) {
      compare(`table ${name}`, want ? "present" : undefined, got ? "present" : undefined);
      continue;
    }
    for (const column of union(Object.keys(want.columns), Object.keys(got.columns))) {
      compare(`column ${name}.${column}`, want.columns[column], got.columns[column]);
    }
    compare(`primary key of ${name}`, want.primaryKey, got.primaryKey);
    for (const index of union(Object.keys(want.indexes), Object.keys(got.indexes))) {
      compare(`index ${name}.${index}`, want.indexes[index], got.indexes[index]);
    }
    for (const fk of union(Object.keys(want.foreignKeys), Object.keys(got.foreignKeys))) {
      compare(`foreign key ${name}.${fk}`, want.foreignKeys[fk], got.foreignKeys[fk]);
    }
  }
  return problems;
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}
