// What `ffmpeg -version` / `ffprobe -version` says, and which of two builds is newer. Pure.
//
// Release builds print "ffmpeg version 5.1.9-0+deb12u1"; static git snapshots (the npm packages)
// print "ffmpeg version N-47683-g0e8eb07980-static", which names no release. Every build prints its
// library versions, so builds are compared by libavcodec (major.minor.micro), which grows with every
// FFmpeg change that touches codecs: 58.x is FFmpeg 4, 59.x is 5, 60.x is 6, 61.x is 7.

export interface ToolVersion {
  /** what follows "version": "5.1.9-0+deb12u1", "N-47683-g0e8eb07980-static" */
  version: string;
  /** libavcodec major.minor.micro, e.g. [59, 37, 100]; null when the output does not say */
  libavcodec: [number, number, number] | null;
  /** the `--enable-…` switches of the build's configuration line ("libx264", "libjxl", …) */
  enabled: string[];
}

const FAMILY: Record<number, string> = { 57: '3', 58: '4', 59: '5', 60: '6', 61: '7', 62: '8' };

/** Parses the output of `<tool> -version`; null when it is not an FFmpeg tool's output. */
export function parseToolVersion(output: string): ToolVersion | null {
  const head = /^\s*ff(?:mpeg|probe) version (\S+)/m.exec(output);
  if (!head) return null;
  const lib = /^\s*libavcodec\s+(\d+)\.\s*(\d+)\.\s*(\d+)/m.exec(output);
  const config = /^\s*configuration:(.*)$/m.exec(output)?.[1] ?? '';
  const enabled = [...config.matchAll(/--enable-([\w-]+)/g)].map((m) => m[1]);
  return {
    version: head[1],
    libavcodec: lib ? [Number(lib[1]), Number(lib[2]), Number(lib[3])] : null,
    enabled,
  };
}

/** > 0 when `a` is newer than `b`, by libavcodec; a build that does not say is the oldest. */
export function compareToolVersions(a: ToolVersion, b: ToolVersion): number {
  const la = a.libavcodec;
  const lb = b.libavcodec;
  if (!la || !lb) return (la ? 1 : 0) - (lb ? 1 : 0);
  for (let i = 0; i < 3; i++) if (la[i] !== lb[i]) return la[i] - lb[i];
  return 0;
}

/** "5.1.9-0+deb12u1 (libavcodec 59.37.100)" or "N-47683-g0e8eb07980-static (libavcodec 58.42.100, FFmpeg 4.x)". */
export function describeToolVersion(v: ToolVersion): string {
  if (!v.libavcodec) return v.version;
  const lib = `libavcodec ${v.libavcodec.join('.')}`;
  const family = FAMILY[v.libavcodec[0]];
  const isRelease = /^\d/.test(v.version);
  return isRelease || !family
    ? `${v.version} (${lib})`
    : `${v.version} (${lib}, FFmpeg ${family}.x)`;
}
