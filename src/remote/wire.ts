// Stage results as JSON. BullMQ stores a job's return value with JSON.stringify, which turns a
// Float32Array into an object of numbered keys; face descriptors, landmarks and similarity
// signatures are typed arrays. They travel as { $typed, base64 } and are rebuilt here; what the
// rebuilt value is still has to pass the stage's schema (jobs/result-schemas.ts).

type Kind = 'f32' | 'i8' | 'u8';

interface Encoded {
  $typed: Kind;
  base64: string;
}

function kindOf(v: ArrayBufferView): Kind | null {
  if (v instanceof Float32Array) return 'f32';
  if (v instanceof Int8Array) return 'i8';
  if (v instanceof Uint8Array) return 'u8';
  return null;
}

/** A JSON-safe copy of plain data: typed arrays become { $typed, base64 }. */
export function toWire(value: unknown): unknown {
  if (ArrayBuffer.isView(value)) {
    const kind = kindOf(value);
    if (!kind) throw new Error(`cannot send a ${value.constructor.name} to the primary`);
    const bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    return { $typed: kind, base64: bytes.toString('base64') } satisfies Encoded;
  }
  if (Array.isArray(value)) return value.map(toWire);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toWire(v);
    return out;
  }
  return value;
}

function isEncoded(v: Record<string, unknown>): v is Record<string, unknown> & Encoded {
  const keys = Object.keys(v);
  return (
    keys.length === 2 &&
    (v.$typed === 'f32' || v.$typed === 'i8' || v.$typed === 'u8') &&
    typeof v.base64 === 'string'
  );
}

const MAX_DEPTH = 32;

/** Rebuilds typed arrays; throws on anything that says it is one and is not. */
export function fromWire(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new Error('result nested too deeply');
  if (Array.isArray(value)) return value.map((v) => fromWire(v, depth + 1));
  if (typeof value !== 'object' || value === null) return value;
  const obj = value as Record<string, unknown>;
  if ('$typed' in obj) {
    if (!isEncoded(obj)) throw new Error('malformed typed array');
    const bytes = Buffer.from(obj.base64, 'base64');
    const copy = new Uint8Array(bytes.byteLength);
    copy.set(bytes);
    if (obj.$typed === 'u8') return copy;
    if (obj.$typed === 'i8') return new Int8Array(copy.buffer);
    if (copy.byteLength % 4 !== 0) throw new Error('a float array of a length not divisible by 4');
    return new Float32Array(copy.buffer);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k === '__proto__') continue; // JSON may carry the key; assigning it would set a prototype
    out[k] = fromWire(v, depth + 1);
  }
  return out;
}
