// ISO BMFF (HEIF, AVIF) box walking, just enough to tell a complete file from a cut-off one. Pure.

/**
 * Where the file is cut off, or null when every top-level box ends inside it. A box whose size
 * runs past the end of the file means bytes are missing (an interrupted copy or download): libheif's
 * own tools and exiftool refuse such files, and Picto does too rather than show whichever image
 * item happened to be complete (corpus `heif_truncated_truncated.heic`: the primary 16×16 item is
 * whole, the second item's data ends one byte short).
 */
export function bmffTruncation(buf: Uint8Array): string | null {
  let at = 0;
  while (at + 8 <= buf.length) {
    const size32 = ((buf[at] << 24) | (buf[at + 1] << 16) | (buf[at + 2] << 8) | buf[at + 3]) >>> 0;
    const type = String.fromCharCode(buf[at + 4], buf[at + 5], buf[at + 6], buf[at + 7]);
    let size = size32;
    if (size32 === 1) {
      if (at + 16 > buf.length) return `the ${type} box header is cut off`;
      let big = 0;
      for (let i = 8; i < 16; i++) big = big * 256 + buf[at + i];
      size = big;
    } else if (size32 === 0) {
      return null; // "to the end of the file"
    }
    if (size < 8) return null; // not a box structure we can judge: leave it to the decoder
    if (at + size > buf.length) {
      return `the ${type} box needs ${at + size - buf.length} more byte(s) than the file has`;
    }
    at += size;
  }
  return null;
}
