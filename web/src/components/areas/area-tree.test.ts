import { describe, expect, it } from "vitest";
import { AREA_LEVELS, type Area } from "../../api/types";
import {
  childLevel,
  findNode,
  loadedKeys,
  parentInTree,
  pathCodes,
  removeNode,
  replaceArea,
  setChildren,
  toNodes,
} from "./area-tree";

function area(path: string, level: string, name = path): Area {
  const code = pathCodes(path).at(-1) as string;
  return { code, name, level, path };
}

const street = area("/330212/330212009/", "street", "东胜街道");
const community = area("/330212/330212009/001/", "community", "张斌社区");
const grid = area("/330212/330212009/001/g1/", "grid", "第1网格");
const micro = area("/330212/330212009/001/g1/m1/", "micro_grid", "1号微网格");

describe("area tree", () => {
  it("makes unloaded nodes, micro-grids as leaves", () => {
    const nodes = toNodes([street, micro]);
    expect(nodes.map((n) => [n.key, n.title, n.isLeaf, n.children])).toEqual([
      ["330212009", "东胜街道", false, undefined],
      ["m1", "1号微网格", true, undefined],
    ]);
  });

  it("labels children without their parent's name in front", () => {
    const nodes = setChildren(toNodes([community]), "001", [
      area("/330212/330212009/001/g1/", "grid", "张斌社区第1网格"),
      area("/330212/330212009/001/g2/", "grid", "史家第2网格"),
    ]);
    expect(nodes[0].children?.map((c) => [c.title, c.area.name])).toEqual([
      ["第1网格", "张斌社区第1网格"],
      ["史家第2网格", "史家第2网格"],
    ]);
  });

  it("sets children deep in the tree and reports loaded keys", () => {
    let nodes = toNodes([street]);
    nodes = setChildren(nodes, "330212009", [community]);
    nodes = setChildren(nodes, "001", [grid]);
    expect(findNode(nodes, "g1")?.area).toEqual(grid);
    expect(loadedKeys(nodes)).toEqual(["330212009", "001"]);
    // a node with no children is loaded too: it shows no expander rather than loading again
    nodes = setChildren(nodes, "g1", []);
    expect(loadedKeys(nodes)).toEqual(["330212009", "001", "g1"]);
  });

  it("keeps the loaded children of siblings that stay when a parent is reloaded", () => {
    let nodes = setChildren(toNodes([street]), "330212009", [community]);
    nodes = setChildren(nodes, "001", [grid]);
    const renamed = { ...community, name: "张斌新社区" };
    const other = area("/330212/330212009/002/", "community", "史家社区");
    nodes = setChildren(nodes, "330212009", [renamed, other]);
    expect(findNode(nodes, "001")?.area.name).toBe("张斌新社区");
    expect(findNode(nodes, "g1")).toBeDefined();
    expect(findNode(nodes, "002")?.children).toBeUndefined();
    // a child that is gone takes its subtree with it
    nodes = setChildren(nodes, "330212009", [other]);
    expect(findNode(nodes, "001")).toBeUndefined();
    expect(findNode(nodes, "g1")).toBeUndefined();
  });

  it("leaves the tree unchanged when the key is not there", () => {
    const nodes = toNodes([street]);
    expect(setChildren(nodes, "nope", [community])).toEqual(nodes);
    expect(removeNode(nodes, "nope")).toEqual(nodes);
  });

  it("replaces a node's area and removes nodes", () => {
    let nodes = setChildren(toNodes([street]), "330212009", [community]);
    nodes = replaceArea(nodes, { ...street, name: "东胜" });
    expect(nodes[0].title).toBe("东胜");
    expect(nodes[0].children?.map((c) => c.key)).toEqual(["001"]);
    nodes = removeNode(nodes, "001");
    expect(nodes[0].children).toEqual([]);
  });

  it("finds a node's parent in the tree by its path, skipping levels the tree does not hold", () => {
    // a root that is a community scope: the grid's parent is the nearest code on its path in the tree
    let nodes = setChildren(toNodes([community]), "001", [grid]);
    nodes = setChildren(nodes, "g1", [micro]);
    expect(parentInTree(nodes, "m1")?.key).toBe("g1");
    expect(parentInTree(nodes, "g1")?.key).toBe("001");
    expect(parentInTree(nodes, "001")).toBeUndefined();
    expect(parentInTree(nodes, "missing")).toBeUndefined();
  });

  it("offers the level children already have, else the next one down", () => {
    expect(childLevel(AREA_LEVELS, "street")).toBe("community");
    expect(childLevel(AREA_LEVELS, "street", "grid_layer")).toBe("grid_layer");
    expect(childLevel(AREA_LEVELS, "grid")).toBe("micro_grid");
    expect(childLevel(AREA_LEVELS, "micro_grid")).toBeUndefined();
    expect(childLevel(AREA_LEVELS, "unknown")).toBeUndefined();
  });
});
