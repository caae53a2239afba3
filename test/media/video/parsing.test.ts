// Pure parsing of what ffmpeg tools print and what videos carry, on small hand-made inputs.

import { describe, expect, it } from 'vitest';

import { parseIso6709 } from '../../../src/media/video/iso6709.js';
import {
  containerOf,
  parseProbe,
  parseRate,
  rotationOf,
} from '../../../src/media/video/probe-parse.js';
import { probeFailure } from '../../../src/media/video/probe.js';
import { stderrReason } from '../../../src/media/video/run.js';
import {
  compareToolVersions,
  describeToolVersion,
  parseToolVersion,
} from '../../../src/media/video/tool-version.js';
import { collectVideoTags, utcCreationTime } from '../../../src/media/video/video-tags.js';
import { pickTakenAt } from '../../../src/media/tags.js';
import { PictoError } from '../../../src/shared/errors.js';

const DEBIAN = `ffmpeg version 5.1.9-0+deb12u1 Copyright (c) 2000-2026 the FFmpeg developers
built with gcc 12 (Debian 12.2.0-14+deb12u1)
configuration: --prefix=/usr --enable-gpl --enable-libdav1d --enable-libjxl --enable-libx264 --enable-shared
libavutil      57. 28.100 / 57. 28.100
libavcodec     59. 37.100 / 59. 37.100
`;
const STATIC_41 = `ffmpeg version N-47683-g0e8eb07980-static https://johnvansickle.com/ffmpeg/  Copyright (c) 2000-2018
configuration: --enable-gpl --enable-static --enable-libx264 --enable-libx265
libavcodec     58. 42.100 / 58. 42.100
`;
const PROBE_2023 = `ffprobe version N-66595-gc2b38619c0-static https://johnvansickle.com/ffmpeg/
libavcodec     60. 22.100 / 60. 22.100
`;

describe('tool versions', () => {
  it('reads release and snapshot builds', () => {
    expect(parseToolVersion(DEBIAN)).toEqual({
      version: '5.1.9-0+deb12u1',
      libavcodec: [59, 37, 100],
      enabled: ['gpl', 'libdav1d', 'libjxl', 'libx264', 'shared'],
    });
    expect(parseToolVersion(STATIC_41)?.libavcodec).toEqual([58, 42, 100]);
    expect(parseToolVersion('bash: ffmpeg: command not found')).toBeNull();
  });

  it('compares by libavcodec, so snapshots and releases order right', () => {
    const debian = parseToolVersion(DEBIAN)!;
    const old = parseToolVersion(STATIC_41)!;
    const probe = parseToolVersion(PROBE_2023)!;
    expect(compareToolVersions(debian, old)).toBeGreaterThan(0);
    expect(compareToolVersions(probe, debian)).toBeGreaterThan(0);
    expect(compareToolVersions(debian, debian)).toBe(0);
    expect(describeToolVersion(old)).toBe(
      'N-47683-g0e8eb07980-static (libavcodec 58.42.100, FFmpeg 4.x)',
    );
    expect(describeToolVersion(debian)).toBe('5.1.9-0+deb12u1 (libavcodec 59.37.100)');
  });
});

describe('ISO 6709', () => {
  it('reads the forms phones write', () => {
    expect(parseIso6709('+48.8584+002.2945/')).toEqual({ lat: 48.8584, lon: 2.2945, alt: null });
    expect(parseIso6709('+35.6586+139.7454+040.000/')).toEqual({
      lat: 35.6586,
      lon: 139.7454,
      alt: 40,
    });
    expect(parseIso6709('-33.8568+151.2153-012.5/')).toMatchObject({ lat: -33.8568, alt: -12.5 });
    // degrees-minutes(-seconds) packing
    expect(parseIso6709('+4851.504+00217.67/')!.lat).toBeCloseTo(48.8584, 4);
    expect(parseIso6709('+485130.24+0021740.2/')!.lon).toBeCloseTo(2.2945, 4);
    // exiftool's spelling
    expect(parseIso6709('48.8584 2.2945 35')).toEqual({ lat: 48.8584, lon: 2.2945, alt: 35 });
  });

  it('refuses garbage, out-of-range and 0,0', () => {
    expect(parseIso6709('+00.0000+000.0000/')).toBeNull();
    expect(parseIso6709('+95.0+010.0/')).toBeNull();
    expect(parseIso6709('+4861.0+00217.0/')).toBeNull(); // 61 minutes
    expect(parseIso6709('Paris')).toBeNull();
    expect(parseIso6709(42)).toBeNull();
  });
});

const stream = (extra: Record<string, unknown>) => ({
  codec_type: 'video',
  codec_name: 'h264',
  width: 1920,
  height: 1080,
  pix_fmt: 'yuv420p',
  avg_frame_rate: '30000/1001',
  disposition: { default: 1, attached_pic: 0 },
  ...extra,
});

describe('ffprobe JSON', () => {
  it('reads rates and quarter-turn rotations of both FFmpeg generations', () => {
    expect(parseRate('30000/1001')).toBe(29.97);
    expect(parseRate('0/0')).toBeNull();
    expect(parseRate('90000/1')).toBe(null);
    expect(rotationOf({ tags: { rotate: '90' } })).toBe(90);
    // FFmpeg ≥ 5: only the display matrix, counter-clockwise
    expect(
      rotationOf({ side_data_list: [{ side_data_type: 'Display Matrix', rotation: -90 }] }),
    ).toBe(90);
    expect(rotationOf({ side_data_list: [{ rotation: 90 }] })).toBe(270);
    expect(rotationOf({ side_data_list: [{ rotation: -180 }] })).toBe(180);
    expect(rotationOf({})).toBe(0);
  });

  it('names containers by brand and extension', () => {
    const qt = 'mov,mp4,m4a,3gp,3g2,mj2';
    expect(containerOf(qt, { major_brand: 'qt  ' }, 'a.MOV')).toBe('mov');
    expect(containerOf(qt, { major_brand: 'isom' }, 'a.mp4')).toBe('mp4');
    expect(containerOf(qt, { major_brand: '3gp4' }, 'a.3gp')).toBe('3gp');
    expect(containerOf(qt, { major_brand: 'M4V ' }, 'a.m4v')).toBe('m4v');
    expect(containerOf(qt, {}, 'old.mov')).toBe('mov');
    expect(containerOf('matroska,webm', {}, 'a.webm')).toBe('webm');
    expect(containerOf('matroska,webm', {}, 'a.mkv')).toBe('mkv');
    expect(containerOf('mpegts', {}, 'a.MTS')).toBe('mpegts');
  });

  it('turns a rotated, anamorphic stream into its displayed size', () => {
    const p = parseProbe(
      {
        format: {
          format_name: 'mov,mp4,m4a,3gp,3g2,mj2',
          duration: '3.003',
          start_time: '0.000',
          tags: { major_brand: 'qt  ' },
        },
        streams: [
          stream({ side_data_list: [{ rotation: -90 }] }),
          { codec_type: 'audio', codec_name: 'aac', channels: 2 },
        ],
      },
      'IMG_1.MOV',
    );
    expect(p).toMatchObject({ container: 'mov', durationMs: 3003, startMs: 0 });
    expect(p.video).toMatchObject({
      rotation: 90,
      displayWidth: 1080,
      displayHeight: 1920,
      fps: 29.97,
    });
    expect(p.audio).toEqual({ codec: 'aac', channels: 2, sampleRate: null });

    const dv = parseProbe(
      {
        format: { format_name: 'avi' },
        streams: [stream({ width: 720, height: 480, sample_aspect_ratio: '8:9' })],
      },
      'tape.avi',
    );
    expect([dv.video.displayWidth, dv.video.displayHeight]).toEqual([640, 480]);
  });

  it('refuses sound-only files and stills, ignoring cover art', () => {
    const audio = () =>
      parseProbe(
        {
          format: { format_name: 'mov,mp4,m4a,3gp,3g2,mj2' },
          streams: [
            { codec_type: 'audio', codec_name: 'aac' },
            stream({ codec_name: 'mjpeg', disposition: { attached_pic: 1 } }),
          ],
        },
        'song.mp4',
      );
    expect(audio).toThrow(PictoError);
    expect(audio).toThrow(/no video stream .*audio only: aac/);
    expect(() =>
      parseProbe(
        { format: { format_name: 'jpeg_pipe' }, streams: [stream({ codec_name: 'mjpeg' })] },
        'x.mp4',
      ),
    ).toThrow(/still image .* \(despite the \.mp4 extension\)/);
  });

  it('explains what ffprobe complains about', () => {
    const moov = probeFailure(
      '[mov,mp4,m4a,3gp,3g2,mj2 @ 0x55e] moov atom not found\nx.mp4: Invalid data found when processing input\n',
    );
    expect(moov.code).toBe('corrupt');
    expect(moov.message).toMatch(/^truncated video: no moov index/);
    expect(probeFailure('x.avi: Invalid data found when processing input').message).toMatch(
      /^not a readable video/,
    );
    expect(stderrReason('[h264 @ 0x1f] error while decoding MB 3 4\nframe=    1 fps=0\n')).toBe(
      'error while decoding MB 3 4',
    );
  });
});

describe('video tags → dates, place, camera', () => {
  it('prefers Apple creationdate, then ©day, then UTC creation_time', () => {
    const apple = collectVideoTags({
      'com.apple.quicktime.creationdate': '2023-07-14T19:22:05+0900',
      creation_time: '2023-07-14T10:22:05.000000Z',
      'com.apple.quicktime.make': 'Apple',
      'com.apple.quicktime.model': 'iPhone 12 Pro',
    });
    expect(pickTakenAt(apple, 'IMG.MOV', null)).toEqual({
      takenAt: '2023-07-14T19:22:05',
      takenOffsetMinutes: 540,
      takenAtSource: 'quicktime',
    });
    expect([apple.make, apple.model]).toEqual(['Apple', 'iPhone 12 Pro']);
  });

  it('makes UTC local at the position, else keeps it as +00:00; skips epoch placeholders', () => {
    const placed = collectVideoTags({
      creation_time: '2023-01-02T03:04:05.000000Z',
      location: '+40.7484-073.9857/',
    });
    expect(pickTakenAt(placed, 'a.mp4', null)).toEqual({
      takenAt: '2023-01-01T22:04:05',
      takenOffsetMinutes: -300,
      takenAtSource: 'quicktime',
    });
    const unplaced = collectVideoTags({ creation_time: '2023-01-02T03:04:05.000000Z' });
    expect(pickTakenAt(unplaced, 'a.mp4', null)).toMatchObject({
      takenAt: '2023-01-02T03:04:05',
      takenOffsetMinutes: 0,
    });
    expect(utcCreationTime('1904-01-01T00:00:00.000000Z')).toBeNull();
    expect(utcCreationTime('1970-01-01T00:00:00.000000Z')).toBeNull();
    const android = collectVideoTags({
      'com.android.manufacturer': 'Google',
      'com.android.model': 'Pixel 7',
      location: '+00.0000+000.0000/',
    });
    expect([android.make, android.model, android.gpsRejected]).toEqual(['Google', 'Pixel 7', true]);
  });
});
