// Pure decisions of the video core on hand-made inputs: browser playability, transcode plans and
// arguments, progress, posters, frame sampling, Live Photo pairing.

import { describe, expect, it } from 'vitest';

import { sampleTimes } from '../../../src/media/video/ai-frames.js';
import { WORK_SIZE } from '../../../src/media/limits.js';
import { frameSize } from '../../../src/media/video/frames.js';
import {
  liveNameKey,
  livePairsTogether,
  pairLivePhotos,
  pastLiveHalves,
  type PairCandidate,
} from '../../../src/library/live-photo.js';
import { playbackVerdict } from '../../../src/media/video/playback.js';
import {
  frameStats,
  isGoodPoster,
  posterCandidates,
  posterScore,
} from '../../../src/media/video/poster.js';
import {
  finishArgs,
  parseProgress,
  planTranscode,
  targetSize,
  transcodeArgs,
} from '../../../src/media/video/transcode-args.js';
import type { VideoProbe } from '../../../src/media/video/types.js';
import type { RawImage } from '../../../src/media/types.js';

type ProbeOverrides = Partial<Omit<VideoProbe, 'video'>> & { video?: Partial<VideoProbe['video']> };

function probe(over: ProbeOverrides = {}): VideoProbe {
  const { video, ...rest } = over;
  return {
    container: 'mp4',
    formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
    durationMs: 30_000,
    startMs: 0,
    bitRate: 8e6,
    sizeBytes: 30e6,
    audio: { codec: 'aac', channels: 2, sampleRate: 48000 },
    tags: {},
    ...rest,
    video: {
      codec: 'h264',
      profile: 'High',
      pixelFormat: 'yuv420p',
      width: 1920,
      height: 1080,
      displayWidth: 1920,
      displayHeight: 1080,
      rotation: 0,
      fps: 30,
      fieldOrder: 'progressive',
      colorTransfer: null,
      bitRate: null,
      ...video,
    },
  };
}

describe('playable in the browser', () => {
  it('serves H.264/AAC in MP4-family containers and VP9/AV1 WebM as they are', () => {
    expect(playbackVerdict(probe())).toEqual({ playable: true, reason: null });
    expect(playbackVerdict(probe({ container: 'mov' })).playable).toBe(true);
    expect(playbackVerdict(probe({ container: '3gp', audio: null })).playable).toBe(true);
    expect(playbackVerdict(probe({ video: { codec: 'av1' } })).playable).toBe(true);
    const webm = { container: 'webm', audio: { codec: 'opus', channels: 2, sampleRate: 48000 } };
    expect(playbackVerdict(probe({ ...webm, video: { codec: 'vp9' } })).playable).toBe(true);
    expect(playbackVerdict(probe({ ...webm, video: { codec: 'av1' } })).playable).toBe(true);
  });

  it('sends HEVC, MPEG-2 in MTS, AVI, 10-bit and interlaced H.264, odd sound to a transcode', () => {
    expect(playbackVerdict(probe({ container: 'mov', video: { codec: 'hevc' } }))).toEqual({
      playable: false,
      reason: 'hevc video',
    });
    expect(
      playbackVerdict(probe({ container: 'mpegts', video: { codec: 'mpeg2video' } })).reason,
    ).toBe('mpegts container');
    expect(playbackVerdict(probe({ container: 'avi' })).playable).toBe(false);
    expect(playbackVerdict(probe({ container: 'mkv' })).playable).toBe(false);
    expect(playbackVerdict(probe({ video: { pixelFormat: 'yuv420p10le' } })).playable).toBe(false);
    expect(playbackVerdict(probe({ video: { fieldOrder: 'tt' } })).reason).toBe('interlaced H.264');
    expect(
      playbackVerdict(probe({ audio: { codec: 'pcm_s16le', channels: 2, sampleRate: 48000 } }))
        .reason,
    ).toBe('pcm_s16le sound');
    expect(playbackVerdict(probe({ container: 'webm', video: { codec: 'h264' } })).playable).toBe(
      false,
    );
  });
});

describe('transcode plan', () => {
  it('fits 1080p in either orientation, keeps aspect, even sides, never enlarges', () => {
    expect(targetSize(3840, 2160)).toEqual({ width: 1920, height: 1080 });
    expect(targetSize(2160, 3840)).toEqual({ width: 1080, height: 1920 });
    expect(targetSize(1440, 1080)).toEqual({ width: 1440, height: 1080 });
    expect(targetSize(4000, 1000)).toEqual({ width: 1920, height: 480 });
    expect(targetSize(641, 361)).toEqual({ width: 640, height: 360 });
    expect(targetSize(7680, 4320)).toEqual({ width: 1920, height: 1080 });
  });

  it('encodes what browsers cannot play, copies H.264 that is only in the wrong box', () => {
    expect(
      planTranscode(
        probe({
          container: 'mov',
          video: { codec: 'hevc', rotation: 90, displayWidth: 1080, displayHeight: 1920 },
        }),
      ),
    ).toEqual({
      video: 'encode',
      audio: 'copy',
      width: 1080,
      height: 1920,
    });
    expect(
      planTranscode(
        probe({ container: 'mkv', audio: { codec: 'opus', channels: 2, sampleRate: 48000 } }),
      ),
    ).toEqual({
      video: 'copy',
      audio: 'encode',
      width: 1920,
      height: 1080,
    });
    // AVI timestamps, interlacing, 4K and rotation all need a real encode
    expect(planTranscode(probe({ container: 'avi' })).video).toBe('encode');
    expect(planTranscode(probe({ container: 'mpegts', video: { fieldOrder: 'tt' } })).video).toBe(
      'encode',
    );
    expect(
      planTranscode(
        probe({
          container: 'mkv',
          video: { width: 3840, height: 2160, displayWidth: 3840, displayHeight: 2160 },
        }),
      ).video,
    ).toBe('encode');
    expect(planTranscode(probe({ audio: null })).audio).toBe('none');
  });

  it('builds ffmpeg arguments: H.264 High, yuv420p, AAC, fragmented then faststart, deinterlace when needed', () => {
    const p = probe({
      container: 'mpegts',
      video: { codec: 'mpeg2video', fieldOrder: 'tt', fps: 25 },
      audio: { codec: 'ac3', channels: 6, sampleRate: 48000 },
    });
    const args = transcodeArgs('in.mts', 'out.mp4', p, planTranscode(p)).join(' ');
    expect(args).toContain('-vf yadif=0,scale=1920:1080:flags=bicubic,setsar=1,format=yuv420p');
    expect(args).toContain(
      '-c:v libx264 -preset superfast -crf 23 -maxrate 8000k -bufsize 16000k -profile:v high -g 50',
    );
    expect(args).toContain('-c:a aac -b:a 160k -ac 2');
    // A fragmented MP4 a browser can play while it grows, a fragment at least every half second…
    expect(args).toContain(
      '-movflags frag_keyframe+empty_moov+delay_moov+default_base_moof -frag_duration 500000 -f mp4 out.mp4',
    );
    expect(args).toContain('-map 0:v:0 -map 0:a:0?');
    // …copied into a faststart MP4 when it is done.
    expect(finishArgs('out.mp4', 'final.mp4').join(' ')).toContain(
      '-i out.mp4 -map 0 -c copy -movflags +faststart -f mp4 final.mp4',
    );
  });

  it('reads -progress blocks of old and new FFmpeg', () => {
    expect(
      parseProgress('frame=10\nout_time_us=1500000\nout_time_ms=1500000\nprogress=continue\n'),
    ).toEqual({
      outMs: 1500,
      end: false,
    });
    expect(parseProgress('out_time=00:01:02.500000\nprogress=end\n')).toEqual({
      outMs: 62500,
      end: true,
    });
    expect(parseProgress('out_time_us=N/A\nprogress=continue')).toEqual({
      outMs: null,
      end: false,
    });
  });
});

function flat(value: number, width = 64, height = 36): RawImage {
  return { data: new Uint8Array(width * height * 3).fill(value), width, height, channels: 3 };
}

function noise(seed: number, width = 64, height = 36): RawImage {
  const data = new Uint8Array(width * height * 3);
  let s = seed;
  for (let i = 0; i < data.length; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    data[i] = s >>> 24;
  }
  return { data, width, height, channels: 3 };
}

describe('poster choice', () => {
  it('tells black, blank and blown-out frames from scenes', () => {
    expect(isGoodPoster(frameStats(flat(0)))).toBe(false);
    expect(isGoodPoster(frameStats(flat(128)))).toBe(false);
    expect(isGoodPoster(frameStats(flat(255)))).toBe(false);
    expect(isGoodPoster(frameStats(noise(7)))).toBe(true);
    expect(posterScore(frameStats(noise(7)))).toBeGreaterThan(posterScore(frameStats(flat(12))));
    const black = frameStats(flat(3));
    expect(black.mean).toBeCloseTo(3, 5);
    expect(black.spread).toBeCloseTo(0, 5);
  });

  it('tries the start, 1 s, then 10 %, 25 %, 50 %', () => {
    expect(posterCandidates(60_000)).toEqual([0, 1000, 6000, 15000, 30000]);
    expect(posterCandidates(2000)).toEqual([0, 1000, 200, 500]);
    expect(posterCandidates(null)).toEqual([0, 1000, 3000]);
    expect(posterCandidates(500)).toEqual([0, 400, 50, 125, 250]);
  });
});

describe('frames for the AI', () => {
  it('samples the middle of 7.5-s slots, capped at 12 over long videos', () => {
    expect(sampleTimes(30_000)).toEqual([3750, 11250, 18750, 26250]);
    expect(sampleTimes(30_000, 5000)).toEqual([2500, 7500, 12500, 17500, 22500, 27500]);
    expect(sampleTimes(3000)).toEqual([1500]);
    expect(sampleTimes(null)).toEqual([0]);
    const film = sampleTimes(7_200_000);
    expect(film).toHaveLength(12);
    expect(film[0]).toBe(300_000);
  });

  it('sizes frames like the photo working image', () => {
    expect(frameSize(1920, 1080)).toEqual({ width: WORK_SIZE, height: 750 });
    expect(frameSize(1080, 1920)).toEqual({ width: 750, height: WORK_SIZE });
    expect(frameSize(640, 480)).toEqual({ width: 640, height: 480 });
  });
});

describe('Live Photo pairing', () => {
  const still = (id: string, p: string, ci?: string): PairCandidate => ({
    id,
    path: p,
    kind: 'still',
    contentIdentifier: ci,
  });
  const mov = (id: string, p: string, durationMs: number | null, ci?: string): PairCandidate => ({
    id,
    path: p,
    kind: 'video',
    contentIdentifier: ci,
    durationMs,
  });

  it('pairs by ContentIdentifier wherever the files are, case-insensitively', () => {
    expect(
      pairLivePhotos([
        still('s', '/a/IMG_1.HEIC', 'abc-123-def'),
        mov('v', '/b/renamed.mov', 3000, 'ABC-123-DEF'),
      ]),
    ).toEqual([{ stillId: 's', videoId: 'v', by: 'content-identifier' }]);
  });

  it('pairs by base name in the same folder only for MOVs of at most 4 s', () => {
    expect(pairLivePhotos([still('s', '/a/IMG_2.JPG'), mov('v', '/a/IMG_2.MOV', 2800)])).toEqual([
      { stillId: 's', videoId: 'v', by: 'name' },
    ]);
    expect(pairLivePhotos([still('s', '/a/IMG_2.JPG'), mov('v', '/a/IMG_2.MOV', 12_000)])).toEqual(
      [],
    );
    expect(pairLivePhotos([still('s', '/a/IMG_2.JPG'), mov('v', '/b/IMG_2.MOV', 2000)])).toEqual(
      [],
    );
    expect(pairLivePhotos([still('s', '/a/IMG_2.JPG'), mov('v', '/a/IMG_2.MP4', 2000)])).toEqual(
      [],
    );
    expect(pairLivePhotos([still('s', '/a/IMG_2.PNG'), mov('v', '/a/IMG_2.MOV', 2000)])).toEqual(
      [],
    );
    expect(pairLivePhotos([still('s', '/a/IMG_2.JPG'), mov('v', '/a/IMG_2.MOV', null)])).toEqual(
      [],
    );
  });

  it('never pairs different ids, and gives each file one partner', () => {
    expect(
      pairLivePhotos([still('s', '/a/IMG_3.HEIC', 'one'), mov('v', '/a/IMG_3.MOV', 2000, 'two')]),
    ).toEqual([]);
    const pairs = pairLivePhotos([
      still('s1', '/a/IMG_4.HEIC', 'X'),
      still('s2', '/b/IMG_4.HEIC', 'X'),
      mov('v1', '/b/IMG_4.MOV', 2000, 'X'),
      mov('v2', '/a/IMG_4.MOV', 2000, 'X'),
    ]);
    expect(pairs).toEqual([
      { stillId: 's1', videoId: 'v2', by: 'content-identifier' },
      { stillId: 's2', videoId: 'v1', by: 'content-identifier' },
    ]);
  });
});

// [Note: a MOV waits for its pairing]: which files may pair by name, and the scan order that
// enters both halves in one batch.
describe('a MOV waiting for its pairing', () => {
  it('names the halves that may pair by name: a MOV and a HEIC/JPEG of one base name', () => {
    expect(liveNameKey('/a/IMG_1.MOV')).toEqual({ key: '/a/img_1', half: 'motion' });
    expect(liveNameKey('/a/img_1.heic')).toEqual({ key: '/a/img_1', half: 'still' });
    expect(liveNameKey('/a/IMG_1.JPEG')?.half).toBe('still');
    expect(liveNameKey('/a/IMG_1.MP4')).toBeNull();
    expect(liveNameKey('/a/IMG_1.PNG')).toBeNull();
  });

  it('moves a MOV up to its still (or the still up to its MOV), keeping every other order', () => {
    const order = [
      '/a/IMG_9.MOV', // newest: its still comes up to it
      '/a/x.jpg',
      '/a/IMG_5.HEIC',
      '/a/y.mp4',
      '/a/IMG_9.JPG',
      '/b/IMG_5.MOV', // another folder: not IMG_5.HEIC's
      '/a/IMG_7.MOV', // no still of its name
      '/a/IMG_5.MOV',
    ];
    const together = livePairsTogether(order, (p) => p);
    expect(together).toEqual([
      '/a/IMG_9.MOV',
      '/a/IMG_9.JPG',
      '/a/x.jpg',
      '/a/IMG_5.HEIC',
      '/a/IMG_5.MOV',
      '/a/y.mp4',
      '/b/IMG_5.MOV',
      '/a/IMG_7.MOV',
    ]);
    // A batch never ends between the halves of one name.
    expect(pastLiveHalves(together, 1, (p) => p)).toBe(2);
    expect(pastLiveHalves(together, 2, (p) => p)).toBe(2);
    expect(pastLiveHalves(together, 4, (p) => p)).toBe(5);
    expect(pastLiveHalves(together, 8, (p) => p)).toBe(8);
    expect(pastLiveHalves(together, 0, (p) => p)).toBe(0);
  });
});
