// Converts one registry model from its npm-package source files into ONNX bytes.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ModelSpec } from '../registry.js';
import { CALIBRATION } from './calibration/index.js';
import { quantizeModel } from './qdq-graph.js';
import { buildLandmarkNet } from './faceapi-landmark-net.js';
import { buildRecognitionNet } from './faceapi-recognition-net.js';
import { readTfGraphModel } from './tf-graph.js';
import { convertTfGraph } from './tf-to-onnx.js';
import { readWeightManifest, type WeightGroup } from './tfjs-weights.js';

/** Source provenance written into the ONNX metadata (deterministic: no dates, no paths). */
function metadataFor(spec: ModelSpec): Record<string, string> {
  return {
    'picto.model': spec.id,
    'picto.source': `${spec.source.package}@${spec.source.version}/${spec.source.main}`,
    'picto.conversion': String(spec.conversion),
    'picto.licence': spec.licence,
  };
}

/** The float ONNX conversion of a registry model (before any quantisation). */
export function convertFloatModel(spec: ModelSpec, sourcePackageDir: string): Uint8Array {
  const main = path.join(sourcePackageDir, spec.source.main);
  switch (spec.converter) {
    case 'tfjs-graph': {
      if (!spec.graphOutputs)
        throw new Error(`${spec.id}: tfjs-graph conversion needs graphOutputs`);
      const converted = convertTfGraph(readTfGraphModel(main), {
        inputName: spec.input.name,
        inputLayout: 'nchw',
        outputs: spec.graphOutputs,
        graphName: spec.id,
        metadata: metadataFor(spec),
        fuseHardSwish: spec.fuseHardSwish ?? false,
      });
      return converted.bytes;
    }
    case 'faceapi-landmarks68':
    case 'faceapi-recognition': {
      const groups = JSON.parse(readFileSync(main, 'utf8')) as WeightGroup[];
      const weights = readWeightManifest(groups, path.dirname(main));
      return spec.converter === 'faceapi-landmarks68'
        ? buildLandmarkNet(weights, metadataFor(spec))
        : buildRecognitionNet(weights, metadataFor(spec));
    }
  }
}

/**
 * The ONNX bytes provisioning writes: the float conversion, quantised to int8 when the registry
 * asks for it (with the committed calibration ranges of that model).
 */
export function convertModel(spec: ModelSpec, sourcePackageDir: string): Uint8Array {
  const float = convertFloatModel(spec, sourcePackageDir);
  if (!spec.int8) return float;
  const ranges = CALIBRATION[spec.id];
  if (!ranges)
    throw new Error(`${spec.id}: int8 needs calibration ranges (scripts/calibrate-models.ts)`);
  return quantizeModel(float, ranges, spec.int8);
}
