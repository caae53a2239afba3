// [Note: heavy decoders load on first use] exiftool-vendored (~110 ms to load) and heic-decode
// (libheif compiled to wasm, ~230 ms) served only RAW files, XMP and HEIF, yet every indexing
// worker loaded them when it started: ~350 ms of CPU per worker before its first JPEG, paid on
// every `picto add`. They are required here on the first call instead (both are CommonJS, so
// `require` keeps their callers synchronous); a folder of JPEGs never loads either.

import { createRequire } from 'node:module';

import type * as ExiftoolVendored from 'exiftool-vendored';
import type HeicDecode from 'heic-decode';

const load = createRequire(import.meta.url);

let exiftoolModule: typeof ExiftoolVendored | null = null;
let heicModule: typeof HeicDecode | null = null;

export function exiftoolVendored(): typeof ExiftoolVendored {
  return (exiftoolModule ??= load('exiftool-vendored') as typeof ExiftoolVendored);
}

export function heicDecode(): typeof HeicDecode {
  return (heicModule ??= load('heic-decode') as typeof HeicDecode);
}
