// Worker half of the interchange stage: what other programs wrote into or beside the photo (XMP
// sidecars, embedded XMP/IPTC, an EXIF caption), on this thread's ExifTool.

import { readPhotoSidecars, type PhotoSidecarData } from '../interchange/read-photo.js';
import { threadExifTool } from '../media/index.js';
import type { FileWorkResult } from './stage.js';
import type { PhotoTask } from './task.js';

export async function readSidecars(task: PhotoTask): Promise<FileWorkResult<PhotoSidecarData>> {
  return { data: await readPhotoSidecars(threadExifTool, task.path) };
}
