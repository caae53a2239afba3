import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

import { mayHoldXmpOrIptc } from '../../src/interchange/xmp-read/hint.js';
import { jpegMetadataEnd } from '../../src/interchange/xmp-read/jpeg-segments.js';

const segment = (marker: number, body: number[]) => [
  0xff,
  marker,
  (body.length + 2) >> 8,
  (body.length + 2) & 0xff,
  ...body,
];

describe('jpegMetadataEnd', () => {
  it('finds the first SOS after the APP and table segments', () => {
    const head = [0xff, 0xd8, ...segment(0xe1, [1, 2, 3]), ...segment(0xdb, [0, 0])];
    const bytes = Uint8Array.from([...head, ...segment(0xda, [9]), 0x12, 0x34]);
    expect(jpegMetadataEnd(bytes)).toBe(head.length);
  });

  it('skips fill bytes between segments', () => {
    const bytes = Uint8Array.from([0xff, 0xd8, 0xff, 0xff, ...segment(0xda, [])]);
    expect(jpegMetadataEnd(bytes)).toBe(4);
  });

  it('gives up on a walk that leaves the bytes, a broken marker, a progressive JPEG or a non-JPEG', () => {
    expect(jpegMetadataEnd(Uint8Array.from([0xff, 0xd8, ...segment(0xe1, [1]).slice(0, 4)]))).toBe(
      null,
    );
    expect(jpegMetadataEnd(Uint8Array.from([0xff, 0xd8, 0x00, 0x10, 0, 0]))).toBe(null);
    expect(
      jpegMetadataEnd(Uint8Array.from([0xff, 0xd8, ...segment(0xc2, [0]), ...segment(0xda, [])])),
    ).toBe(null);
    expect(jpegMetadataEnd(Uint8Array.from([0x89, 0x50, 0x4e, 0x47]))).toBe(null);
  });

  it('keeps an XMP packet of a real JPEG inside the segments it returns', async () => {
    const xmp = Buffer.from(
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></x:xmpmeta>',
    );
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#369' } })
      .jpeg()
      .withXmp(xmp.toString())
      .toBuffer();
    const end = jpegMetadataEnd(jpeg);
    expect(end).not.toBeNull();
    expect(jpeg[end!]).toBe(0xff);
    expect(jpeg[end! + 1]).toBe(0xda);
    expect(mayHoldXmpOrIptc(jpeg.subarray(0, end!))).toBe(true);
    const plain = await sharp({
      create: { width: 64, height: 48, channels: 3, background: '#369' },
    })
      .jpeg()
      .toBuffer();
    expect(mayHoldXmpOrIptc(plain.subarray(0, jpegMetadataEnd(plain)!))).toBe(false);
  });
});
