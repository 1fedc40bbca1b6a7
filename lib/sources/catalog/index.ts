export { parseCatalog, type CatalogComponent, type CatalogParseResult } from "./parse-catalog";
export { mapCatalogToWorkloads, type CatalogMapping } from "./map-catalog";
export { formatEntityRef, parseEntityRef, type EntityRef } from "./entity-ref";
