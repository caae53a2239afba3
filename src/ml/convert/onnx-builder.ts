// A small, deterministic ONNX graph writer on top of onnx-proto. Both converters (TFJS graphs and
// face-api weight files) emit through it, so serialisation details live in one place.
// Determinism matters: the registry pins the sha256 of every produced .onnx file.

import onnxProto from 'onnx-proto';
import type { onnx as OnnxTypes } from 'onnx-proto';

const { onnx } = onnxProto;

export type Dim = number | string;
export type AttrValue = number | number[] | string | { floats: number[] } | { float: number };

const ELEM_FLOAT = 1;
const ELEM_INT64 = 7;

export interface BuiltModel {
  bytes: Uint8Array;
}

export class OnnxGraphBuilder {
  private readonly nodes: OnnxTypes.INodeProto[] = [];
  private readonly initializers: OnnxTypes.ITensorProto[] = [];
  private readonly inputs: OnnxTypes.IValueInfoProto[] = [];
  private readonly outputs: OnnxTypes.IValueInfoProto[] = [];
  private readonly used = new Set<string>();
  private counter = 0;

  constructor(private readonly graphName: string) {}

  /** A value name not used before, derived from `hint` so the graph stays readable in Netron. */
  fresh(hint: string): string {
    const base = hint.replace(/[^A-Za-z0-9_./-]/g, '_');
    let name = base;
    while (this.used.has(name)) name = `${base}__${++this.counter}`;
    this.used.add(name);
    return name;
  }

  input(name: string, dims: Dim[]): string {
    this.used.add(name);
    this.inputs.push(valueInfo(name, dims));
    return name;
  }

  output(name: string, dims: Dim[]): void {
    this.outputs.push(valueInfo(name, dims));
  }

  initFloat(hint: string, dims: number[], data: Float32Array): string {
    const expected = dims.reduce((a, b) => a * b, 1);
    if (expected !== data.length)
      throw new Error(`initializer ${hint}: ${data.length} values for dims ${dims.join('x')}`);
    const name = this.fresh(hint);
    const copy = new Float32Array(data); // own, aligned bytes (inputs may be views)
    this.initializers.push({
      name,
      dims,
      dataType: ELEM_FLOAT,
      rawData: new Uint8Array(copy.buffer),
    });
    return name;
  }

  initInt64(hint: string, values: number[], dims: number[] = [values.length]): string {
    const name = this.fresh(hint);
    const data = BigInt64Array.from(values.map((v) => BigInt(v)));
    this.initializers.push({
      name,
      dims,
      dataType: ELEM_INT64,
      rawData: new Uint8Array(data.buffer),
    });
    return name;
  }

  /** Adds a node; returns the name of its first output. `outputs` are used verbatim when given. */
  node(
    op: string,
    inputs: string[],
    attrs: Record<string, AttrValue> = {},
    outputs?: string[],
  ): string {
    const outs = outputs ?? [this.fresh(`${op}_out`)];
    for (const o of outs) this.used.add(o);
    this.nodes.push({
      opType: op,
      name: this.fresh(`${op}_${this.nodes.length}`),
      input: inputs,
      output: outs,
      attribute: Object.entries(attrs).map(([k, v]) => attribute(k, v)),
    });
    return outs[0];
  }

  build(metadata: Record<string, string> = {}, producer = 'picto-ml'): BuiltModel {
    const model = onnx.ModelProto.create({
      irVersion: 7,
      opsetImport: [{ domain: '', version: 13 }],
      producerName: producer,
      graph: {
        name: this.graphName,
        node: this.nodes,
        initializer: this.initializers,
        input: this.inputs,
        output: this.outputs,
      },
      metadataProps: Object.entries(metadata)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, value]) => ({ key, value })),
    });
    return { bytes: onnx.ModelProto.encode(model).finish() };
  }
}

function valueInfo(name: string, dims: Dim[]): OnnxTypes.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType: ELEM_FLOAT,
        shape: {
          dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })),
        },
      },
    },
  };
}

function attribute(name: string, value: AttrValue): OnnxTypes.IAttributeProto {
  const T = onnx.AttributeProto.AttributeType;
  if (typeof value === 'string')
    return { name, type: T.STRING, s: new TextEncoder().encode(value) };
  if (typeof value === 'number') {
    if (!Number.isInteger(value))
      throw new Error(`attribute ${name}: use { float } for non-integers`);
    return { name, type: T.INT, i: value };
  }
  if (Array.isArray(value)) return { name, type: T.INTS, ints: value };
  if ('floats' in value) return { name, type: T.FLOATS, floats: value.floats };
  return { name, type: T.FLOAT, f: value.float };
}
