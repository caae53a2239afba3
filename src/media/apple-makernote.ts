// Apple's MakerNote, read just far enough for the Live Photo ContentIdentifier (tag 0x0011): the
// asset id an iPhone writes into the still and, as `com.apple.quicktime.content.identifier`, into
// the MOV recorded with it. exifr hands the MakerNote over as raw bytes; this is a few lines of
// IFD walking instead of a second (exiftool) read per iPhone photo. Pure.
//
// Layout: "Apple iOS\0", a 2-byte version, "MM" (big-endian), then a TIFF IFD whose value offsets
// count from the start of the MakerNote.

const HEADER = 'Apple iOS\0';
const CONTENT_IDENTIFIER = 0x0011;
const ASCII = 2;

export function appleContentIdentifier(makerNote: unknown): string | null {
  if (!(makerNote instanceof Uint8Array) || makerNote.length < 18) return null;
  const b = makerNote;
  for (let i = 0; i < HEADER.length; i++) if (b[i] !== HEADER.charCodeAt(i)) return null;
  if (b[12] !== 0x4d || b[13] !== 0x4d) return null; // only the big-endian form is written
  const u16 = (p: number) => (b[p] << 8) | b[p + 1];
  const u32 = (p: number) => ((b[p] << 24) | (b[p + 1] << 16) | (b[p + 2] << 8) | b[p + 3]) >>> 0;
  const count = u16(14);
  for (let i = 0; i < count && i < 256; i++) {
    const entry = 16 + i * 12;
    if (entry + 12 > b.length) return null;
    if (u16(entry) !== CONTENT_IDENTIFIER) continue;
    if (u16(entry + 2) !== ASCII) return null;
    const n = u32(entry + 4);
    const at = n <= 4 ? entry + 8 : u32(entry + 8);
    if (n === 0 || n > 256 || at + n > b.length) return null;
    let s = '';
    for (let k = at; k < at + n && b[k] !== 0; k++) s += String.fromCharCode(b[k]);
    s = s.trim();
    return /^[\x21-\x7e]{8,}$/.test(s) ? s : null;
  }
  return null;
}
