/** HTTP verb -> Vault operation, the way Vault's HTTP layer maps it (buildLogicalRequestNoAuth). */
import { VaultHttpError } from "./errors";
import type { Operation } from "./types";

/** Go's strconv.ParseBool, which Vault uses for `?list=`. */
function parseGoBool(v: string): boolean | null {
  if (["1", "t", "T", "TRUE", "true", "True"].includes(v)) return true;
  if (["0", "f", "F", "FALSE", "false", "False"].includes(v)) return false;
  return null;
}

/** Returns the operation and the routed path (LIST adds a trailing "/"). */
export function toOperation(method: string, path: string, query: URLSearchParams): { op: Operation; path: string } {
  let op: Operation;
  switch (method) {
    case "GET": {
      const listParam = query.get("list");
      const list = listParam === null || listParam === "" ? false : parseGoBool(listParam);
      if (list === null) throw new VaultHttpError(400, []);
      op = list ? "list" : "read";
      break;
    }
    case "LIST":
      op = "list";
      break;
    case "POST":
    case "PUT":
      op = "update"; // may become "create" after the backend's existence check
      break;
    case "DELETE":
      op = "delete";
      break;
    case "PATCH":
      op = "patch";
      break;
    case "HEAD":
      op = "header";
      break;
    default:
      throw new VaultHttpError(405, []);
  }
  return { op, path: op === "list" && !path.endsWith("/") ? `${path}/` : path };
}
