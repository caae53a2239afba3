import type { Picto } from '../../src/app/picto.js';

/**
 * Indexes a library folder in-process (no server): added with the AI stages off, scanned, and the
 * pipeline run until it is idle. For tests about what the media stage alone gives.
 */
export async function indexWithoutAi(picto: Picto, lib: string): Promise<void> {
  const { folder } = await picto.folders.add(lib);
  picto.folders.setAi(folder.id, false);
  await picto.scan();
  picto.runner.start();
  await picto.runner.drain();
}
