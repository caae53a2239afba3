// Finding, verifying and reading provisioned models. Every load checks the ONNX file's sha256
// against the registry, so a truncated copy or a stale conversion is caught with a clear message
// instead of producing silently different tags and faces.

import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isPictoError, PictoError } from '../shared/errors.js';
import { packageDir } from './paths.js';
import { MODELS, MODEL_IDS, modelVersion, type ModelId, type ModelSpec } from './registry.js';

export const sha256 = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');

export const FIX_HINT =
  'run "npm run build" (it provisions the models into models/), or reinstall with "npm ci"';

/** Which model cannot be used and why: the detail of a 'model-unavailable' PictoError. */
export interface ModelProblem {
  modelId: ModelId;
  reason: string;
}

export function modelUnavailable(modelId: ModelId, reason: string): PictoError {
  return new PictoError(
    'model-unavailable',
    `Model "${modelId}" (${MODELS[modelId].task}) is unavailable: ${reason}. Fix: ${FIX_HINT}.`,
    { detail: { modelId, reason } satisfies ModelProblem },
  );
}

/** The model and reason of a model-unavailable error; null for any other error. */
export function modelProblem(err: unknown): ModelProblem | null {
  return isPictoError(err, 'model-unavailable') ? (err.detail as ModelProblem) : null;
}

export interface ModelState {
  id: ModelId;
  task: string;
  version: string;
  file: string;
  available: boolean;
  /** Why the model cannot be used (missing, corrupt, stale); absent when available. */
  reason?: string;
}

/** Reads a provisioned model and checks it; throws a model-unavailable error naming the problem. */
export function readVerifiedModel(id: ModelId, modelsDir: string): Uint8Array {
  const spec = MODELS[id];
  const file = path.join(modelsDir, spec.onnxFile);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    throw modelUnavailable(id, `${file} is missing`);
  }
  const actual = sha256(bytes);
  if (actual !== spec.onnxSha256) {
    throw modelUnavailable(
      id,
      `${file} is corrupt or stale (sha256 ${actual.slice(0, 12)}…, expected ${spec.onnxSha256.slice(0, 12)}…)`,
    );
  }
  return bytes;
}

function problemText(err: unknown): string {
  const problem = modelProblem(err);
  return problem ? `${problem.reason}; ${FIX_HINT}` : String(err);
}

// Status checks hash ~30 MB; cache by file identity so a status endpoint can be polled cheaply.
const statusCache = new Map<string, { key: string; state: ModelState }>();

function stateOf(spec: ModelSpec, modelsDir: string): ModelState {
  const file = path.join(modelsDir, spec.onnxFile);
  const base = { id: spec.id, task: spec.task, version: modelVersion(spec), file };
  let key: string;
  try {
    const st = statSync(file);
    key = `${st.size}:${st.mtimeMs}:${st.ino}`;
  } catch {
    return { ...base, available: false, reason: `${file} is missing; ${FIX_HINT}` };
  }
  const cached = statusCache.get(file);
  if (cached?.key === key) return cached.state;
  let state: ModelState;
  try {
    readVerifiedModel(spec.id, modelsDir);
    state = { ...base, available: true };
  } catch (err) {
    state = {
      ...base,
      available: false,
      reason: problemText(err),
    };
  }
  statusCache.set(file, { key, state });
  return state;
}

/** Which models are usable, and why not. Cheap to call repeatedly (results cached per file). */
export function modelStates(modelsDir: string): ModelState[] {
  return MODEL_IDS.map((id) => stateOf(MODELS[id], modelsDir));
}

/** Verifies a model's source files in its npm package; returns the package folder. */
export function verifiedSourceDir(spec: ModelSpec): string {
  const dir = packageDir(spec.source.package);
  if (!dir)
    throw new Error(
      `${spec.id}: npm package ${spec.source.package} is not installed (run "npm ci")`,
    );
  const version = (
    JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }
  ).version;
  if (version !== spec.source.version) {
    throw new Error(
      `${spec.id}: ${spec.source.package} is ${version} but the registry pins ${spec.source.version}; ` +
        'reinstall the pinned version or re-validate the model and update src/ml/registry.ts',
    );
  }
  for (const [rel, expected] of Object.entries(spec.source.files)) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path.join(dir, rel));
    } catch {
      throw new Error(
        `${spec.id}: source file ${spec.source.package}/${rel} is missing (reinstall with "npm ci")`,
      );
    }
    const actual = sha256(bytes);
    if (actual !== expected) {
      throw new Error(
        `${spec.id}: source file ${spec.source.package}/${rel} has sha256 ${actual}, expected ${expected} (reinstall with "npm ci")`,
      );
    }
  }
  return dir;
}
