import { Type, type Static } from '@sinclair/typebox';

// [Note: The video contract]
//
// What the API says about videos and Live Photos (issue 13); the web UI builds against it.
//
// - Every grid item (timeline, favourites, albums, trash, people, search, memories) carries
//   `kind: 'photo' | 'video' | 'live'` and, for videos and Live Photos, `durationMs`.
// - Photo details carry the same two, and `video` for videos and Live Photos:
//   `{ codec, fps, playable, transcode: 'none'|'pending'|'running'|'done'|'failed', progress? }`.
//   `playable` says whether the original itself plays in a browser; `transcode` is 'none' then.
// - `GET /api/photos/{id}/video` streams what a browser plays (H.264/AAC MP4, VP9/AV1 WebM) with
//   HTTP ranges: the original when it plays, else its transcode; a Live Photo's motion. Asking
//   moves that video's transcode to the front of the queue. While the transcode is being made it
//   answers with it as it grows (a fragmented MP4: 200 without Content-Length that ends when the
//   transcode does, `Accept-Ranges: none`, `Cache-Control: no-store`, `X-Picto-Transcode: running`
//   and `X-Picto-Progress: 0..1`; a Range gets 206 with what exists of it, `bytes a-b/*`). When it
//   has not started within 2.5 s it answers 202 with `{ state: 'pending' | 'running', progress }`:
//   poll it. The SSE event `video.ready` with `{ photoId }` says the finished, seekable file is
//   there. A photo without motion is a 404; a broken video a 422.
// - `GET /api/photos/{id}/video/preview` is a short, muted, low-resolution MP4 for hover previews
//   (made on the first request and kept in the data directory).
// - Search understands `video(s)`, `live photo(s)`, `has:video`, `type:photo|video|live`,
//   `longer than 1 minute`, `shorter than 30 seconds`, `duration:>60s`.

export const MediaKind = Type.Union(
  [Type.Literal('photo'), Type.Literal('video'), Type.Literal('live')],
  {
    description: "'video' for a movie file, 'live' for a still paired with its motion (Live Photo)",
  },
);
export type MediaKind = Static<typeof MediaKind>;

export const DurationMs = Type.Integer({
  minimum: 0,
  description: 'length in milliseconds (videos and Live Photos only)',
});

export const TranscodeState = Type.Union([
  Type.Literal('none'),
  Type.Literal('pending'),
  Type.Literal('running'),
  Type.Literal('done'),
  Type.Literal('failed'),
]);
export type TranscodeState = Static<typeof TranscodeState>;

export const VideoInfo = Type.Object({
  codec: Type.String({ description: 'video codec of the original: h264, hevc, vp9, …' }),
  fps: Type.Number(),
  playable: Type.Boolean({ description: 'the original plays in a browser as it is' }),
  transcode: TranscodeState,
  progress: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
});
export type VideoInfo = Static<typeof VideoInfo>;

export const VideoPending = Type.Object({
  state: Type.Union([Type.Literal('pending'), Type.Literal('running')]),
  progress: Type.Number({ minimum: 0, maximum: 1 }),
});
export type VideoPending = Static<typeof VideoPending>;
