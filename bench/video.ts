// Video benchmark: per-video cost of probe, poster (+ thumbnails), AI frames (+ the analyzer on
// them) and transcode, for a 30-s 1080p H.264 clip (like a phone's, ~17 Mbit/s) and a 30-s 1080p
// HEVC clip (like an iPhone's, ~8 Mbit/s). Both are generated once from a corpus photo with
// temporal grain, so the encoders and decoders see texture, not flat colour. Wall-clock times grow
// with other jobs on a shared machine; the CPU seconds of the ffmpeg children (and of this process
// for the AI) are what a video costs free cores.

import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import type { RawImage } from '../src/media/types.js';
import {
  probeVideo,
  sampleFrames,
  transcodeVideo,
  videoTools,
  writePoster,
} from '../src/media/video/index.js';
import { createAnalyzer, type Analyzer } from '../src/ml/index.js';
import { FFMPEG_QUIET, HVC1, X264_FAST, X265_QUICKEST } from './ffmpeg-args.js';
import { benchCache } from './generate.js';
import { openInViewer, openToFirstFrame } from './video-open.js';

const run = promisify(execFile);

/** CPU seconds so far: this process, and its finished children (ffmpeg, ffprobe). */
function cpuSeconds(): { self: number; children: number } {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const rest = stat
    .slice(stat.lastIndexOf(')') + 2)
    .split(' ')
    .map(Number);
  const tick = 100; // USER_HZ on Linux
  return { self: (rest[11] + rest[12]) / tick, children: (rest[13] + rest[14]) / tick };
}

async function measure<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; cpuS: number }> {
  const c0 = cpuSeconds();
  const t0 = performance.now();
  const value = await fn();
  const ms = performance.now() - t0;
  const c1 = cpuSeconds();
  return { value, ms, cpuS: c1.self - c0.self + (c1.children - c0.children) };
}

const r1 = (n: number) => Math.round(n * 10) / 10;
const r2 = (n: number) => Math.round(n * 100) / 100;

/** The two 30-s 1080p clips, made once into the bench cache. */
export async function benchClips(source: string): Promise<{ h264: string; hevc: string }> {
  const dir = path.join(benchCache, 'video-1080p30-v1');
  const h264 = path.join(dir, 'grain-h264.mp4');
  const hevc = path.join(dir, 'grain-hevc.mov');
  if (existsSync(h264) && existsSync(hevc)) return { h264, hevc };
  mkdirSync(dir, { recursive: true });
  const { ffmpeg } = await videoTools();
  const ff = (...args: string[]) => run(ffmpeg.path, [...FFMPEG_QUIET, ...args]);
  const tmp = (f: string) => `${f}.tmp${path.extname(f)}`;
  if (!existsSync(h264)) {
    process.stderr.write('[bench] making a grainy 30-s 1080p H.264 clip (once)…\n');
    await ff(
      '-loop',
      '1',
      '-framerate',
      '30',
      '-i',
      source,
      '-f',
      'lavfi',
      '-t',
      '30',
      '-i',
      'sine=frequency=440:sample_rate=48000',
      '-filter_complex',
      "[0:v]scale=2400:-2,zoompan=z='1+0.2*on/900':x='iw/2-(iw/zoom/2)+on':y='ih/2-(ih/zoom/2)':d=1:s=1920x1080:fps=30,noise=alls=10:allf=t,format=yuv420p[v]",
      '-map',
      '[v]',
      '-map',
      '1:a',
      '-t',
      '30',
      ...X264_FAST,
      '-crf',
      '21',
      '-maxrate',
      '17M',
      '-bufsize',
      '34M',
      '-g',
      '30',
      '-c:a',
      'aac',
      '-b:a',
      '128k',
      tmp(h264),
    );
    renameSync(tmp(h264), h264);
  }
  process.stderr.write('[bench] making the HEVC clip from it (once)…\n');
  await ff(
    '-i',
    h264,
    ...X265_QUICKEST,
    '-b:v',
    '8M',
    '-maxrate',
    '10M',
    '-bufsize',
    '20M',
    '-g',
    '30',
    ...HVC1,
    '-c:a',
    'copy',
    tmp(hevc),
  );
  renameSync(tmp(hevc), hevc);
  return { h264, hevc };
}

export interface VideoCost {
  durationS: number;
  probe: { ms: number; cpuS: number };
  poster: { ms: number; cpuS: number; candidates: number };
  frames: { count: number; ms: number; cpuS: number; aiMs: number | null; aiCpuS: number | null };
  /** probe + poster + frames (+ AI): what indexing a video costs without its transcode */
  indexing: { ms: number; cpuS: number; secondsOn2FreeCores: number };
  transcode: {
    ms: number;
    cpuS: number;
    realTimeMultiple: number;
    cpuRealTimeMultipleOn2Cores: number;
    plan: string;
    mb: number;
  } | null;
}

/** Everything indexing and playback do for one video, each step timed on its own. */
export async function videoCost(
  file: string,
  work: string,
  analyzer: Analyzer | null,
  transcode: boolean,
): Promise<VideoCost> {
  const probed = await measure(() => probeVideo(file));
  const probe = probed.value.probe;
  const durationS = (probe.durationMs ?? 0) / 1000;
  const poster = await measure(() =>
    writePoster(
      file,
      probe,
      path.join(work, 'thumbs'),
      `bench${path.basename(file).replace(/\W/g, '')}`,
    ),
  );
  const frames: RawImage[] = [];
  let aiMs = 0;
  let aiCpu = 0;
  const sampled = await measure(async () => {
    for await (const f of sampleFrames(file, probe, {
      poster: { timeMs: poster.value.posterTimeMs, image: poster.value.image },
    })) {
      if (analyzer) {
        const ai = await measure(() => analyzer.analyze(f.image));
        aiMs += ai.ms;
        aiCpu += ai.cpuS;
      }
      frames.push(f.image);
    }
  });
  let tc: VideoCost['transcode'] = null;
  if (transcode) {
    const target = path.join(work, `${path.basename(file)}.mp4`);
    const t = await measure(() => transcodeVideo(file, target, probe, { nice: 0, reencode: true }));
    tc = {
      ms: Math.round(t.ms),
      cpuS: r1(t.cpuS),
      realTimeMultiple: r2((durationS * 1000) / t.ms),
      cpuRealTimeMultipleOn2Cores: r2((durationS * 2) / t.cpuS),
      plan: `${t.value.plan.video}/${t.value.plan.audio} ${t.value.plan.width}×${t.value.plan.height}`,
      mb: r1(t.value.bytes / 1048576),
    };
    rmSync(target, { force: true });
  }
  const indexMs = probed.ms + poster.ms + sampled.ms;
  const indexCpu = probed.cpuS + poster.cpuS + sampled.cpuS;
  return {
    durationS,
    probe: { ms: Math.round(probed.ms), cpuS: r2(probed.cpuS) },
    poster: {
      ms: Math.round(poster.ms),
      cpuS: r2(poster.cpuS),
      candidates: poster.value.timings.posterCandidates,
    },
    frames: {
      count: frames.length,
      // decoding only: the analyzer's share is aiMs / aiCpuS
      ms: Math.round(sampled.ms - aiMs),
      cpuS: r2(sampled.cpuS - aiCpu),
      aiMs: analyzer ? Math.round(aiMs) : null,
      aiCpuS: analyzer ? r2(aiCpu) : null,
    },
    // two workers index two videos at once: a clip costs half its CPU time of the 2 cores
    indexing: {
      ms: Math.round(indexMs),
      cpuS: r2(indexCpu),
      secondsOn2FreeCores: r2(indexCpu / 2),
    },
    transcode: tc,
  };
}

/**
 * Both clips indexed at once (probe, poster, frames and AI; no transcode), each with its own
 * analyzer as each worker thread has: the measured cost of a clip when two videos share the two
 * cores, as a folder of videos is indexed.
 */
async function indexTwoAtOnce(
  clips: string[],
  work: string,
  analyzers: Analyzer[],
): Promise<{ ms: number; perClipS: number }> {
  const t0 = performance.now();
  await Promise.all(clips.map((c, i) => videoCost(c, work, analyzers[i] ?? null, false)));
  const ms = performance.now() - t0;
  return { ms: Math.round(ms), perClipS: r2(ms / 1000 / clips.length) };
}

/** The `video` bench section: both clips, once warm (tool lookup and models loaded beforehand). */
export async function runVideoBench(corpus: string) {
  const source = path.join(corpus, 'objects/coco128/images/000000000009.jpg');
  const clips = await benchClips(source);
  const tools = await videoTools();
  const work = path.join(os.tmpdir(), `picto-bench-video-${process.pid}`);
  mkdirSync(work, { recursive: true });
  let analyzer: Analyzer | null = null;
  try {
    analyzer = await createAnalyzer({ threads: 1 });
  } catch (e) {
    process.stderr.write(`[bench] no analyzer, frames without AI: ${(e as Error).message}\n`);
  }
  const loadBefore = os.loadavg()[0];
  try {
    process.stderr.write('[bench] H.264 clip…\n');
    const transcode = process.env.PICTO_BENCH_VIDEO_TRANSCODE !== '0';
    const h264 = await videoCost(clips.h264, work, analyzer, transcode);
    process.stderr.write('[bench] HEVC clip…\n');
    const hevc = await videoCost(clips.hevc, work, analyzer, transcode);
    process.stderr.write('[bench] both clips indexed at once…\n');
    const second = analyzer ? await createAnalyzer({ threads: 1 }) : null;
    let twoAtOnce;
    try {
      twoAtOnce = await indexTwoAtOnce(
        [clips.h264, clips.hevc],
        work,
        [analyzer, second].filter((a): a is Analyzer => a !== null),
      );
    } finally {
      await second?.close();
    }
    process.stderr.write('[bench] opening the HEVC clip before its transcode…\n');
    const open = await openToFirstFrame(clips.hevc);
    process.stderr.write('[bench] …and in the viewer in Chromium…\n');
    const viewer = await openInViewer(clips.hevc).catch((e: unknown) => {
      process.stderr.write(`[bench] no viewer measure: ${(e as Error).message}\n`);
      return null;
    });
    return {
      tools: {
        ffmpeg: `${tools.ffmpeg.source} ${tools.ffmpeg.version}`,
        ffprobe: `${tools.ffprobe.source} ${tools.ffprobe.version}`,
      },
      h264,
      hevc,
      indexingTwoAtOnce: twoAtOnce,
      openToFirstFrameHevc: open,
      openInViewerHevc: viewer,
      loadAverage: { before: r2(loadBefore), after: r2(os.loadavg()[0]) },
      note: 'wall times are indicative on a shared machine; cpuS is what a free core pays',
      targets: { indexingSecondsPer30sClip: 1.5, transcodeRealTimeMultiple: 1.5 },
    };
  } finally {
    await analyzer?.close();
    rmSync(work, { recursive: true, force: true });
  }
}
