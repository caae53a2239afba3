// Main-thread halves of the search stages: similarity signatures, text in photos, embeddings.

import type { Repos } from '../../db/index.js';
import type { TextLine } from '../../db/repos/photo-text.js';
import type { Signature } from '../../search/duplicates/signature.js';
import type { PhotoEmbedding } from '../../search/index-photo.js';
import type { Applied } from '../stage.js';

export function applySignature(
  repos: Repos,
  photoId: string,
  signature: Signature,
  done: Applied,
): void {
  repos.discovery.duplicates.saveSignature(photoId, signature, done.version);
}

export function applyText(repos: Repos, photoId: string, lines: TextLine[], done: Applied): void {
  repos.discovery.text.save(photoId, lines, done.version, done.now);
}

export function applyEmbedding(repos: Repos, photoId: string, e: PhotoEmbedding): void {
  // Stored under the model's name (its version names the file it came from).
  repos.discovery.embeddings.save(photoId, e.model.split(':')[1] ?? e.model, e.vector);
}
