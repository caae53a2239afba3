import { ImageQuery, PhotoIdParams } from '../api.js';
import { VideoPending } from '../video-api.js';
import { binary, declareRoutes } from './declare.js';
import { IMAGE_PATHS } from './image-paths.js';

/** Moving pictures of videos and Live Photos ([Note: The video contract] in video-api.ts). */
export const videoRoutes = declareRoutes({
  getVideo: {
    method: 'GET',
    path: IMAGE_PATHS.video,
    tag: 'videos',
    summary: 'The video as a browser plays it (MP4 or WebM), with byte ranges',
    description:
      'The original when a browser plays it as it is, else its transcode (H.264/AAC MP4, at most ' +
      "1080p); a Live Photo's motion. Asking moves that video's transcode to the front of the " +
      'queue. While it is being made, the transcode as it grows: a fragmented MP4, 200 without ' +
      'Content-Length, `X-Picto-Transcode: running` (a range: 206 with what exists, `bytes a-b/*`). ' +
      '202 when it has not started within 2.5 s; the event `video.ready` says when the finished ' +
      'file is there.',
    params: PhotoIdParams,
    query: ImageQuery,
    response: {
      200: binary('The video', 'video/mp4', 'video/webm'),
      202: VideoPending,
      206: binary('A byte range of it', 'video/mp4', 'video/webm'),
    },
    errors: [404, 416, 422, 503],
  },
  getVideoPreview: {
    method: 'GET',
    path: IMAGE_PATHS.videoPreview,
    tag: 'videos',
    summary: 'A short muted low-resolution MP4 for hover previews',
    description: 'Made on the first request (a few seconds of the video), then kept.',
    params: PhotoIdParams,
    query: ImageQuery,
    response: {
      200: binary('The preview clip', 'video/mp4'),
      206: binary('A byte range of it', 'video/mp4'),
    },
    errors: [404, 416, 422, 503],
  },
});
