import type { DbColumn, DbSchema, DbTable } from "./db-schema";
import type { DmmfDatamodel, DmmfField, DmmfModel } from "./dmmf";

// Postgres limits identifiers to 63 bytes; Prisma would shorten longer default names, which this
// check does not model, so names must stay within it (use `map:` to shorten one explicitly).
const MAX_IDENTIFIER = 63;

const REFERENTIAL_ACTIONS: Record<string, string> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetNull: "SET NULL",
  SetDefault: "SET DEFAULT",
};

/** What `prisma migrate diff` would create for this datamodel, in Postgres' own notation. */
export function expectedSchemaFromDmmf(dmmf: DmmfDatamodel): DbSchema {
  const enumDbName = new Map(dmmf.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const tableOf = (model: DmmfModel) => model.dbName ?? model.name;
  const columnOf = (model: DmmfModel, field: string) => {
    const found = model.fields.find((f) => f.name === field);
    if (!found) throw new Error(`unknown field ${model.name}.${field}`);
    return found.dbName ?? found.name;
  };
  const checkName = (name: string) => {
    if (Buffer.byteLength(name) > MAX_IDENTIFIER) throw new Error(`identifier longer than 63 bytes: ${name}; add map:`);
    return name;
  };

  const schema: DbSchema = { tables: {}, enums: {} };
  for (const e of dmmf.enums) schema.enums[e.dbName ?? e.name] = e.values.map((v) => v.dbName ?? v.name);

  for (const model of dmmf.models) {
    const table = tableOf(model);
    const t: DbTable = { columns: {}, primaryKey: null, indexes: {}, foreignKeys: {} };
    for (const field of model.fields) {
      if (field.kind === "object") continue;
      t.columns[field.dbName ?? field.name] = expectedColumn(field, table, enumDbName, dmmf);
    }
    const pkFields = model.primaryKey?.fields ?? model.fields.filter((f) => f.isId).map((f) => f.name);
    if (pkFields.length) {
      t.primaryKey = { name: checkName(model.primaryKey?.name ?? `${table}_pkey`), columns: pkFields.map((f) => columnOf(model, f)) };
    }
    for (const index of dmmf.indexes.filter((i) => i.model === model.name)) {
      if (index.type !== "normal" && index.type !== "unique") continue;
      const columns = index.fields.map((f) => columnOf(model, f.name));
      const name = index.dbName ?? `${table}_${columns.join("_")}_${index.type === "unique" ? "key" : "idx"}`;
      t.indexes[checkName(name)] = { columns, unique: index.type === "unique" };
    }
    for (const field of model.fields) {
      if (field.kind !== "object" || !field.relationFromFields?.length) continue;
      const target = dmmf.models.find((m) => m.name === field.type);
      if (!target) throw new Error(`unknown model ${field.type}`);
      const columns = field.relationFromFields.map((f) => columnOf(model, f));
      const onDelete = field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull");
      t.foreignKeys[checkName(`${table}_${columns.join("_")}_fkey`)] = {
        columns,
        refTable: tableOf(target),
        refColumns: (field.relationToFields ?? []).map((f) => columnOf(target, f)),
        onDelete: REFERENTIAL_ACTIONS[onDelete] ?? onDelete,
        onUpdate: REFERENTIAL_ACTIONS[field.relationOnUpdate ?? "Cascade"] ?? "CASCADE",
      };
    }
    schema.tables[table] = t;
  }
  return schema;
}

function expectedColumn(field: DmmfField, table: string, enumDbName: Map<string, string>, dmmf: DmmfDatamodel): DbColumn {
  const baseType = scalarType(field, enumDbName);
  const type = field.isList ? `${baseType}[]` : baseType;
  return {
    type,
    // Prisma never adds NOT NULL to scalar lists.
    notNull: field.isRequired && !field.isList,
    default: expectedDefault(field, table, type, dmmf),
  };
}

function scalarType(field: DmmfField, enumDbName: Map<string, string>): string {
  if (field.kind === "enum") return enumDbName.get(field.type) ?? field.type;
  const [native, args = []] = field.nativeType ?? [undefined, []];
  switch (field.type) {
    case "String":
      if (native === "Uuid") return "uuid";
      if (native === "VarChar") return `character varying(${args[0]})`;
      if (native === "Citext") return "citext";
      return "text";
    case "Int":
      return "integer";
    case "BigInt":
      return "bigint";
    case "Float":
      return "double precision";
    case "Decimal":
      return `numeric(${args[0] ?? 65},${args[1] ?? 30})`;
    case "Boolean":
      return "boolean";
    case "DateTime":
      if (native === "Timestamptz") return `timestamp(${args[0] ?? 6}) with time zone`;
      if (native === "Date") return "date";
      return `timestamp(${args[0] ?? 3}) without time zone`;
    case "Json":
      return native === "Json" ? "json" : "jsonb";
    case "Bytes":
      return "bytea";
    default:
      throw new Error(`unsupported type ${field.type} on ${field.name}`);
  }
}

function expectedDefault(field: DmmfField, table: string, type: string, dmmf: DmmfDatamodel): string | null {
  if (!field.hasDefaultValue || field.default === undefined) return null;
  const value = field.default;
  if (Array.isArray(value)) {
    if (value.length) throw new Error(`non-empty list default on ${field.name} is not modelled`);
    return `ARRAY[]::${type}`;
  }
  if (value !== null && typeof value === "object") {
    const fn = value as { name: string; args: unknown[] };
    if (fn.name === "now") return "CURRENT_TIMESTAMP";
    if (fn.name === "dbgenerated") return String(fn.args[0]);
    if (fn.name === "autoincrement") return `nextval('${table}_${field.dbName ?? field.name}_seq'::regclass)`;
    // uuid(), cuid(), nanoid() are generated by the client: no database default.
    return null;
  }
  if (field.kind === "enum") {
    const e = dmmf.enums.find((x) => x.name === field.type);
    const v = e?.values.find((x) => x.name === value);
    return `'${v?.dbName ?? String(value)}'::${type}`;
  }
  if (typeof value === "string") return `'${value.replaceAll("'", "''")}'::${type === "jsonb" ? "jsonb" : type}`;
  return String(value);
}
