// The paths of the image and video routes, apart from their declarations (files.ts, faces.ts,
// videos.ts) so that the URLs handed out with every grid item are made without loading TypeBox and
// the API schemas: the catalogue and `picto status` open without them ([Note: lazy start] in src/cli/main.ts). The
// declarations take their path from here, so the two cannot drift apart.
export const IMAGE_PATHS = {
  thumbnail: '/api/photos/:id/thumbnail',
  preview: '/api/photos/:id/preview',
  original: '/api/photos/:id/original',
  faceCrop: '/api/faces/:id/crop',
  video: '/api/photos/:id/video',
  videoPreview: '/api/photos/:id/video/preview',
} as const;
