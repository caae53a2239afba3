// A byte-level look, before starting ExifTool on a photo: does the file hold XMP or IPTC at all?
// Most camera and phone photos hold neither (their EXIF is read by the media stage already), so
// scan-time import can skip the ExifTool read for them. False positives cost one read; a false
// negative would lose data, so any trace of a packet counts.

const MARKERS = [
  'adobe:ns:meta', // every XMP packet's x:xmpmeta element
  'http://ns.adobe.com/xap/1.0/', // JPEG APP1 XMP segment header
  'W5M0MpCehiHzreSzNTczkc9d', // the xpacket id
  'Photoshop 3.0', // JPEG APP13: IPTC-IIM keywords and captions
].map((m) => Buffer.from(m, 'latin1'));

/**
 * True when `bytes` (the file's head, or all of it) show an XMP packet or an IPTC block. A JPEG
 * keeps both near the start; other containers may hold XMP further in, so pass as much as the
 * caller has read.
 */
export function mayHoldXmpOrIptc(bytes: Uint8Array): boolean {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return MARKERS.some((m) => buf.includes(m));
}
