// Where a JPEG's metadata segments end, so the look for an XMP or IPTC packet (hint.ts) reads the
// segments that can hold one instead of a megabyte of compressed pixels.

/**
 * Offset of a baseline JPEG's first SOS marker (the compressed data starts there; every APPn
 * segment, EXIF, XMP and IPTC among them, comes before it), or null when the marker walk does not
 * reach it inside `bytes` (segments run past the head read, the file is not a well-formed JPEG)
 * or the JPEG is progressive: progressive files may carry APPn segments between their scans.
 */
export function jpegMetadataEnd(bytes: Uint8Array): number | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1];
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0xda) return at;
    if (marker === 0xc2 || marker === 0xc6 || marker === 0xca || marker === 0xce) return null;
    // Markers without a length: TEM and RSTn (never before SOS in a valid file, skipped anyway).
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const length = (bytes[at + 2] << 8) | bytes[at + 3];
    if (length < 2) return null;
    at += 2 + length;
  }
  return null;
}
