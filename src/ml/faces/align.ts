// [Note: face alignment] dlib's descriptor net was trained on "face chips": 150×150 crops in
// which a similarity transform puts the face's landmarks onto a fixed mean face shape, with 25 %
// padding around it. Feeding it the same geometry matters more than anything else for embedding
// quality (docs/models.md: same-person cosine distance ≤ 0.063 vs different ≥ 0.074 only after
// alignment). The template below is dlib's mean shape of landmarks 17–67 (brows, nose, eyes,
// mouth; the jaw line is left out because it moves with pose), in units of the face box.

import { fitSimilarity, invert, type Affine, type Point } from '../image/affine.js';

// dlib mean face shape (x, y) for 68-point landmarks 17..67, normalised to 0..1.
const MEAN_X = [
  0.000213256, 0.0752622, 0.18113, 0.29077, 0.393397, 0.586856, 0.689483, 0.799124, 0.904991,
  0.98004, 0.490127, 0.490127, 0.490127, 0.490127, 0.36688, 0.426036, 0.490127, 0.554217, 0.613373,
  0.121737, 0.187122, 0.265825, 0.334606, 0.260918, 0.182743, 0.645647, 0.714428, 0.793132,
  0.858516, 0.79751, 0.719335, 0.254149, 0.340985, 0.428858, 0.490127, 0.551395, 0.639268, 0.726104,
  0.642159, 0.556721, 0.490127, 0.423532, 0.338094, 0.290379, 0.428096, 0.490127, 0.552157,
  0.689874, 0.553364, 0.490127, 0.42689,
];
const MEAN_Y = [
  0.106454, 0.038915, 0.0187482, 0.0344891, 0.0773906, 0.0773906, 0.0344891, 0.0187482, 0.038915,
  0.106454, 0.203352, 0.307009, 0.409805, 0.515625, 0.587326, 0.609345, 0.628106, 0.609345,
  0.587326, 0.216423, 0.178758, 0.179852, 0.231733, 0.245099, 0.244077, 0.231733, 0.179852,
  0.178758, 0.216423, 0.244077, 0.245099, 0.780233, 0.745405, 0.727388, 0.742578, 0.727388,
  0.745405, 0.780233, 0.864805, 0.902192, 0.909281, 0.902192, 0.864805, 0.784792, 0.778746,
  0.785343, 0.778746, 0.784792, 0.824182, 0.831803, 0.824182,
];

export const CHIP_SIZE = 150;
export const CHIP_PADDING = 0.25;
const FIRST_TEMPLATE_LANDMARK = 17;

/** Template positions of landmarks 17..67 inside a `size`² chip with `padding` around the shape. */
export function chipTemplate(size = CHIP_SIZE, padding = CHIP_PADDING): Point[] {
  return MEAN_X.map((x, i) => [
    ((padding + x) / (2 * padding + 1)) * size,
    ((padding + MEAN_Y[i]) / (2 * padding + 1)) * size,
  ]);
}

const TEMPLATE = chipTemplate();

/**
 * Chip → image transform for 68 landmarks (image pixel coordinates, continuous): the least-squares
 * similarity taking landmarks 17..67 onto the template, inverted for sampling.
 */
export function chipTransform(landmarks: Point[]): Affine {
  if (landmarks.length !== 68) throw new Error(`expected 68 landmarks, got ${landmarks.length}`);
  const imageToChip = fitSimilarity(landmarks.slice(FIRST_TEMPLATE_LANDMARK), TEMPLATE);
  return invert(imageToChip);
}
