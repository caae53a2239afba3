// Worker half of the media stage (the visible step): metadata, thumbnail and perceptual hash from
// one read and the cheapest decode, a preview only for formats a browser cannot show; the decoded
// images are kept for the image stages of the same task.

import { processMedia } from '../media/index.js';
import type { MediaResult } from '../media/types.js';
import type { FileWorkResult } from './stage.js';
import type { PhotoTask } from './task.js';

export async function processPhoto(
  task: PhotoTask,
  keepImage: boolean,
): Promise<FileWorkResult<MediaResult>> {
  const { image, work, ...data } = await processMedia({
    path: task.path,
    contentHash: task.contentHash,
    thumbDir: task.thumbDir,
    keepImage,
  });
  return {
    data,
    image,
    work,
    frame: { width: data.metadata.width, height: data.metadata.height },
    metadata: data.metadata,
  };
}
