import { describe, expect, it } from "vitest";
import { PathTree } from "./path-tree";

describe("PathTree", () => {
  it("lists leaves and folders, and prunes empty folders on removal", () => {
    const t = new PathTree();
    for (const p of ["a/b/c", "a/b/d", "a", "x"]) t.add(p);
    expect(t.list("")).toEqual(["a", "a/", "x"]);
    expect(t.list("a/b/")).toEqual(["c", "d"]);
    t.remove("a/b/c");
    t.remove("a/b/d");
    expect(t.list("a/b/")).toBeUndefined();
    expect(t.list("")).toEqual(["a", "x"]);
    expect(t.size).toBe(2);
  });
});
