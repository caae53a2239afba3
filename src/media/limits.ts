// Sizes and limits of the decode, as plain numbers: the main thread and the web-facing code read
// them without loading a decoder (decode.ts, which uses them, needs sharp).

/** Long side of the decoded working image and of the preview written from it. */
export const WORK_SIZE = 1440;

/** Decompression-bomb guard: refuse to decode more pixels than this (checked before decoding). */
export const MAX_PIXELS = 100_000_000;
