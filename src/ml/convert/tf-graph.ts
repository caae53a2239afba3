// The TFJS graph-model format as far as the converter needs it: nodes of a TensorFlow GraphDef
// serialised as JSON, attribute decoding, and the reachable sub-graph for a set of outputs.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readWeightManifest, type WeightGroup, type WeightMap } from './tfjs-weights.js';

export interface TfAttr {
  s?: string; // base64
  i?: string;
  f?: number;
  b?: boolean;
  type?: string;
  shape?: { dim?: { size: string }[] };
  list?: { s?: string[]; i?: string[]; f?: number[] };
  tensor?: unknown;
}

export interface TfNode {
  name: string;
  op: string;
  input?: string[];
  attr?: Record<string, TfAttr>;
}

export interface TfGraphModel {
  nodes: Map<string, TfNode>;
  weights: WeightMap;
}

interface ModelJson {
  format?: string;
  modelTopology: { node: TfNode[] };
  weightsManifest: WeightGroup[];
}

export function readTfGraphModel(modelJsonPath: string): TfGraphModel {
  const json = JSON.parse(readFileSync(modelJsonPath, 'utf8')) as ModelJson;
  if (!json.modelTopology?.node)
    throw new Error(`${modelJsonPath} is not a TFJS graph model (no modelTopology.node)`);
  const nodes = new Map(json.modelTopology.node.map((n) => [n.name, n]));
  const weights = readWeightManifest(json.weightsManifest, path.dirname(modelJsonPath));
  return { nodes, weights };
}

/** "node:1" → { node, index: 1 }; control inputs ("^node") return null. */
export function parseInputRef(ref: string): { node: string; index: number } | null {
  if (ref.startsWith('^')) return null;
  const m = /^(.*):(\d+)$/.exec(ref);
  return m ? { node: m[1], index: Number(m[2]) } : { node: ref, index: 0 };
}

export const attrString = (n: TfNode, key: string): string | undefined => {
  const s = n.attr?.[key]?.s;
  return s === undefined ? undefined : Buffer.from(s, 'base64').toString('utf8');
};

export const attrInts = (n: TfNode, key: string): number[] | undefined =>
  n.attr?.[key]?.list?.i?.map(Number);

export const attrStrings = (n: TfNode, key: string): string[] =>
  (n.attr?.[key]?.list?.s ?? []).map((s) => Buffer.from(s, 'base64').toString('utf8'));

export const attrBool = (n: TfNode, key: string): boolean => n.attr?.[key]?.b === true;

export const attrFloat = (n: TfNode, key: string): number | undefined => n.attr?.[key]?.f;

export const attrShape = (n: TfNode, key: string): number[] | undefined =>
  n.attr?.[key]?.shape?.dim?.map((d) => Number(d.size));

/** Nodes needed to compute `outputs`, in an order where every node follows its inputs. */
export function reachableInOrder(nodes: Map<string, TfNode>, outputs: string[]): TfNode[] {
  const order: TfNode[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string): void => {
    const s = state.get(name);
    if (s === 'done') return;
    if (s === 'visiting') throw new Error(`cycle in graph at ${name}`);
    const node = nodes.get(name);
    if (!node) throw new Error(`graph has no node named ${name}`);
    state.set(name, 'visiting');
    for (const ref of node.input ?? []) {
      const parsed = parseInputRef(ref);
      if (parsed) visit(parsed.node);
    }
    state.set(name, 'done');
    order.push(node);
  };
  for (const o of outputs) visit(o);
  return order;
}
