// Sizes and limits of the decode, as plain numbers: the main thread and the web-facing code read
// them without loading a decoder (decode.ts, which uses them, needs sharp).

/**
 * Long side of the decoded working image (the AI stages' input) and of the preview written from it
 * for formats a browser cannot show. 1333 = 4000 / 3: the largest size a 12 MP JPEG decodes to at
 * 1/2 scale (1440 needs the full-size decode, ~25 % more CPU) with the same faces, people and
 * objects results and small-face descriptors within 0.003 of 1440's (bench/FINDINGS.md §5).
 */
export const WORK_SIZE = 1333;

/** Decompression-bomb guard: refuse to decode more pixels than this (checked before decoding). */
export const MAX_PIXELS = 100_000_000;
