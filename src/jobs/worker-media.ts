// Worker half of the media stage: metadata, thumbnail, preview and perceptual hash from one read
// and one decode; the decoded working image is kept for the image stages of the same task.

import { processMedia } from '../media/index.js';
import type { MediaResult } from '../media/types.js';
import type { FileWorkResult } from './stage.js';
import type { PhotoTask } from './task.js';

export async function processPhoto(
  task: PhotoTask,
  keepImage: boolean,
): Promise<FileWorkResult<MediaResult>> {
  const { image, ...data } = await processMedia({
    path: task.path,
    contentHash: task.contentHash,
    thumbDir: task.thumbDir,
    keepImage,
  });
  return {
    data,
    image,
    frame: { width: data.metadata.width, height: data.metadata.height },
    metadata: data.metadata,
  };
}
