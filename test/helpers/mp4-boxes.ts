// The top-level boxes of the start of an MP4, for tests of what a video answer carries.

export interface Mp4Box {
  type: string;
  start: number;
  size: number;
  /** the whole box is in the bytes read */
  complete: boolean;
}

/** Top-level boxes of `bytes` (an MP4 from its first byte), the last one possibly cut short. */
export function topBoxes(bytes: Buffer): Mp4Box[] {
  const boxes: Mp4Box[] = [];
  let at = 0;
  while (at + 8 <= bytes.length) {
    const size = bytes.readUInt32BE(at);
    if (size < 8) break;
    const type = bytes.toString('latin1', at + 4, at + 8);
    boxes.push({ type, start: at, size, complete: at + size <= bytes.length });
    at += size;
  }
  return boxes;
}

/** Does it hold a complete fragment (`moof` and the `mdat` after it): a first frame to show? */
export function hasFirstFragment(bytes: Buffer): boolean {
  const boxes = topBoxes(bytes);
  const moof = boxes.findIndex((b) => b.type === 'moof');
  return moof >= 0 && boxes[moof + 1]?.type === 'mdat' && boxes[moof + 1].complete;
}

/** Reads a response body until `enough` says so (true) or it ends (false); the bytes read. */
export async function readUntil(
  res: Response,
  enough: (bytes: Buffer) => boolean,
): Promise<{ bytes: Buffer; met: boolean }> {
  const reader = res.body!.getReader();
  let bytes = Buffer.alloc(0);
  for (;;) {
    const { value, done } = await reader.read();
    if (value) bytes = Buffer.concat([bytes, value]);
    if (enough(bytes)) {
      await reader.cancel();
      return { bytes, met: true };
    }
    if (done) return { bytes, met: false };
  }
}
