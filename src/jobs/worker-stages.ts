import { processMedia, loadOrientedImage } from '../media/index.js';
import type { MediaMetadata, RawImage } from '../media/types.js';
import { MEDIA_STAGE } from './stages.js';
import { failureOf } from './failures.js';
import type { PhotoTask, StageOutcome } from './task.js';

/** Where a stage's image sits in the photo: results are reported in displayed-photo pixels. */
export interface ImageFrame {
  /** Displayed (oriented) size of the original photo. */
  width: number;
  height: number;
}

/** A stage that works on the decoded image the media stage (or a re-decode) produced. */
export interface ImageStage {
  name: string;
  version: () => string;
  run: (image: RawImage, frame: ImageFrame, task: PhotoTask) => Promise<unknown>;
}

const imageStages = new Map<string, ImageStage>();

/** AI modules register their worker-side stages here (imported by the worker entry). */
export function registerImageStage(stage: ImageStage): void {
  imageStages.set(stage.name, stage);
}

/**
 * Runs every pending stage of one photo on a single decode: the media stage keeps its downscaled,
 * oriented image for the AI stages; if media is already done, the image is decoded once for them.
 */
export async function runStages(task: PhotoTask): Promise<Record<string, StageOutcome>> {
  const outcomes: Record<string, StageOutcome> = {};
  const later = task.stages.filter((s) => s !== MEDIA_STAGE.name);
  let image: RawImage | undefined;

  if (task.stages.includes(MEDIA_STAGE.name)) {
    const t0 = performance.now();
    try {
      const result = await processMedia({
        path: task.path,
        contentHash: task.contentHash,
        thumbDir: task.thumbDir,
        keepImage: later.length > 0,
      });
      image = result.image;
      const { image: _drop, ...data } = result;
      outcomes[MEDIA_STAGE.name] = {
        ok: true,
        version: MEDIA_STAGE.version,
        data,
        ms: performance.now() - t0,
      };
    } catch (err) {
      outcomes[MEDIA_STAGE.name] = failureOf(err, performance.now() - t0);
    }
  }

  for (const name of later) {
    const t0 = performance.now();
    const stage = imageStages.get(name);
    if (!stage) {
      outcomes[name] = {
        ok: false,
        code: 'unknown-stage',
        error: `no worker handler for stage "${name}"`,
        permanent: false,
        ms: 0,
      };
      continue;
    }
    const media = outcomes[MEDIA_STAGE.name];
    if (media && !media.ok) {
      outcomes[name] = { ...media, partial: undefined, error: `not decodable: ${media.error}` };
      continue;
    }
    try {
      const input = image ?? (await loadOrientedImage(task.path));
      image = input;
      const media = outcomes[MEDIA_STAGE.name];
      const meta = media?.ok ? (media.data as { metadata: MediaMetadata }).metadata : undefined;
      const frame: ImageFrame = {
        width: meta?.width ?? task.width ?? input.width,
        height: meta?.height ?? task.height ?? input.height,
      };
      outcomes[name] = {
        ok: true,
        version: stage.version(),
        data: await stage.run(input, frame, task),
        ms: performance.now() - t0,
      };
    } catch (err) {
      outcomes[name] = failureOf(err, performance.now() - t0);
    }
  }
  return outcomes;
}
