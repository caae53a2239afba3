// Calibration ranges per quantised model (generated files, see scripts/calibrate-models.ts).
import type { ModelId } from '../../registry.js';
import type { TensorRanges } from '../qdq-graph.js';
import { RANGES as BLAZEFACE } from './blazeface.js';
import { RANGES as CENTERNET } from './centernet.js';

export const CALIBRATION: Partial<Record<ModelId, TensorRanges>> = {
  centernet: CENTERNET,
  blazeface: BLAZEFACE,
};
