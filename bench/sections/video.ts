import { runVideoBench } from '../video.js';
import { corpus } from './common.js';

/** Issue 13: per-video cost of probe, poster, frames + AI and transcode (30-s 1080p H.264 and HEVC). */
export async function run() {
  return runVideoBench(corpus);
}
