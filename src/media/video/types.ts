// What ffprobe tells about a video, reduced to what Picto decides with. Plain data: it crosses the
// worker boundary and is what the frame, poster and transcode functions take.

export interface VideoStream {
  /** ffprobe codec name: h264, hevc, vp9, av1, mpeg2video, mjpeg, … */
  codec: string;
  profile: string | null;
  pixelFormat: string | null;
  /** stored frame size */
  width: number;
  height: number;
  /** size on screen: sample aspect ratio and rotation applied */
  displayWidth: number;
  displayHeight: number;
  /** clockwise degrees: 0, 90, 180, 270 */
  rotation: number;
  fps: number | null;
  /** progressive, tt, bb, tb, bt, or null when unknown */
  fieldOrder: string | null;
  /** arib-std-b67 (HLG), smpte2084 (PQ), bt709, … */
  colorTransfer: string | null;
  bitRate: number | null;
}

export interface AudioStream {
  codec: string;
  channels: number | null;
  sampleRate: number | null;
}

export interface VideoProbe {
  /** mp4, mov, m4v, 3gp, mkv, webm, avi, mpegts, mpeg, or ffprobe's format name */
  container: string;
  /** ffprobe's format_name, e.g. "mov,mp4,m4a,3gp,3g2,mj2" */
  formatName: string;
  durationMs: number | null;
  /** presentation time of the first frame (MPEG-TS streams rarely start at 0) */
  startMs: number;
  bitRate: number | null;
  sizeBytes: number | null;
  video: VideoStream;
  audio: AudioStream | null;
  /** container and video-stream tags, keys lower-cased, container first */
  tags: Record<string, string>;
}
