// Provisioning and model loading with real npm-package sources: conversion is reproducible
// (hashes match the registry), re-runs are no-ops, and missing or corrupt models fail with a
// message naming the model and the fix, while the rest keeps working.

import { mkdtempSync, rmSync, truncateSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer, modelStatus } from '../../src/ml/index.js';
import { PictoError } from '../../src/shared/errors.js';
import { readVerifiedModel, verifiedSourceDir } from '../../src/ml/model-store.js';
import { provisionModels } from '../../src/ml/provision.js';
import { MODEL_IDS, MODELS, modelVersion } from '../../src/ml/registry.js';

describe('model provisioning', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'picto-models-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('verifies every source file of every model against the registry', () => {
    for (const id of MODEL_IDS) expect(() => verifiedSourceDir(MODELS[id])).not.toThrow();
  });

  it('converts all models reproducibly (output sha256 equals the registry pin)', () => {
    const results = provisionModels({ modelsDir: dir });
    expect(results.map((r) => [r.id, r.action, r.error])).toEqual(
      MODEL_IDS.map((id) => [id, 'converted', undefined]),
    );
    for (const r of results) expect(r.sha256).toBe(MODELS[r.id].onnxSha256);
    expect(modelStatus({ modelsDir: dir })).toMatchObject({
      ready: true,
      features: { objects: true, faces: true },
    });
  });

  it('is idempotent and fast when the models are present', () => {
    const t0 = performance.now();
    const results = provisionModels({ modelsDir: dir });
    expect(results.every((r) => r.action === 'present')).toBe(true);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('reports a corrupt model by name, with the fix, and keeps the other stages usable', async () => {
    truncateSync(path.join(dir, MODELS.faceDescriptor.onnxFile), 1000);
    expect(() => readVerifiedModel('faceDescriptor', dir)).toThrow(PictoError);
    expect(() => readVerifiedModel('faceDescriptor', dir)).toThrow(
      /faceDescriptor.*corrupt or stale.*npm run build/,
    );

    const status = modelStatus({ modelsDir: dir });
    expect(status.ready).toBe(false);
    expect(status.features).toEqual({ objects: true, faces: false });
    const bad = status.models.find((m) => m.id === 'faceDescriptor')!;
    expect(bad).toMatchObject({ available: false, version: modelVersion(MODELS.faceDescriptor) });
    expect(bad.reason).toMatch(/npm run build/);

    await expect(createAnalyzer({ modelsDir: dir })).rejects.toThrow(
      /faceDescriptor.*npm run build/,
    );

    const degraded = await createAnalyzer({ modelsDir: dir, allowMissing: true });
    const img = {
      data: new Uint8Array(64 * 48 * 3).fill(90),
      width: 64,
      height: 48,
      channels: 3 as const,
    };
    await expect(degraded.detectObjects(img)).resolves.toEqual([]);
    await expect(degraded.detectFaces(img)).rejects.toThrow(PictoError);
    await degraded.close();
  });

  it('repairs the corrupt model on the next provisioning run', () => {
    const results = provisionModels({ modelsDir: dir });
    expect(results.find((r) => r.id === 'faceDescriptor')?.action).toBe('converted');
    expect(results.filter((r) => r.action === 'present')).toHaveLength(3);
  });

  it('reports missing models', () => {
    unlinkSync(path.join(dir, MODELS.centernet.onnxFile));
    const status = modelStatus({ modelsDir: dir });
    expect(status.features).toEqual({ objects: false, faces: true });
    expect(status.models.find((m) => m.id === 'centernet')?.reason).toMatch(
      /missing.*npm run build/,
    );
  });
});
