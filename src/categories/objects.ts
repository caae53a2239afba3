// food, pets, vehicles, sports: object groups, following the object tags (as on the Things page).

import { labelsForGroup } from '../ml/index.js';
import { round } from './evidence.js';
import type { ObjectSignal, Signals, Verdict } from './types.js';

/** The COCO labels behind each object-group category. */
export const OBJECT_GROUPS = {
  food: labelsForGroup('food') as string[],
  pets: ['cat', 'dog'],
  vehicles: labelsForGroup('vehicle') as string[],
  sports: labelsForGroup('sports') as string[],
};

export type ObjectCategory = keyof typeof OBJECT_GROUPS;

export const OBJECT_DEFINITIONS: Record<ObjectCategory, string> = {
  food: `Food in view: an object tag of COCO's food group (${OBJECT_GROUPS.food.join(', ')}).`,
  pets: 'A cat or a dog in view (object tags).',
  vehicles: `A vehicle in view: ${OBJECT_GROUPS.vehicles.join(', ')} (object tags).`,
  sports: `Sports gear in view: ${OBJECT_GROUPS.sports.join(', ')} (object tags).`,
};

/**
 * [Note: object-group thresholds] A tag counts when the detector's score is at least 0.3 (its
 * tagging threshold: a group follows the Things page; 0.4 lost a quarter of the tagged photos) and
 * its box covers at least 0.5 % of the frame. Tuned on corpus/objects against COCO's boxes.
 */
export const OBJECT_MIN_SCORE = 0.3;
const OBJECT_MIN_AREA = 0.005;

export function objectGroupVerdict(group: ObjectCategory, s: Signals): Verdict | null {
  if (!s.objects) return null;
  const labels = new Set(OBJECT_GROUPS[group]);
  const hits = s.objects
    .filter((o) => labels.has(o.label) && o.box[2] * o.box[3] >= OBJECT_MIN_AREA)
    .sort((a, b) => b.score - a.score);
  const best: ObjectSignal | undefined = hits[0];
  if (!best) return { score: 0, reason: `no ${group} tags` };
  const score = 0.5 + (0.5 * (best.score - OBJECT_MIN_SCORE)) / (1 - OBJECT_MIN_SCORE);
  const same = hits.filter((o) => o.label === best.label && o.score >= OBJECT_MIN_SCORE).length;
  const what =
    same > 1
      ? `${same} × ${best.label}`
      : `${/^[aeiou]/.test(best.label) ? 'an' : 'a'} ${best.label}`;
  return {
    score: round(Math.max(0, score)),
    reason: `${what} (${Math.round(best.score * 100)} %)`,
  };
}
