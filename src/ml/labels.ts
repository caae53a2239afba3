// COCO-80 class names in the order of CenterNet's heatmap channels, and the broader group tags
// derived from them (COCO's own super-categories, renamed for search: "electronic" →
// "electronics"). A photo tagged "dog" is also findable as "animal".

export const COCO_LABELS = [
  'person',
  'bicycle',
  'car',
  'motorcycle',
  'airplane',
  'bus',
  'train',
  'truck',
  'boat',
  'traffic light',
  'fire hydrant',
  'stop sign',
  'parking meter',
  'bench',
  'bird',
  'cat',
  'dog',
  'horse',
  'sheep',
  'cow',
  'elephant',
  'bear',
  'zebra',
  'giraffe',
  'backpack',
  'umbrella',
  'handbag',
  'tie',
  'suitcase',
  'frisbee',
  'skis',
  'snowboard',
  'sports ball',
  'kite',
  'baseball bat',
  'baseball glove',
  'skateboard',
  'surfboard',
  'tennis racket',
  'bottle',
  'wine glass',
  'cup',
  'fork',
  'knife',
  'spoon',
  'bowl',
  'banana',
  'apple',
  'sandwich',
  'orange',
  'broccoli',
  'carrot',
  'hot dog',
  'pizza',
  'donut',
  'cake',
  'chair',
  'couch',
  'potted plant',
  'bed',
  'dining table',
  'toilet',
  'tv',
  'laptop',
  'mouse',
  'remote',
  'keyboard',
  'cell phone',
  'microwave',
  'oven',
  'toaster',
  'sink',
  'refrigerator',
  'book',
  'clock',
  'vase',
  'scissors',
  'teddy bear',
  'hair drier',
  'toothbrush',
] as const;

export type CocoLabel = (typeof COCO_LABELS)[number];

export const GROUP_TAGS = [
  'people',
  'vehicle',
  'outdoor',
  'animal',
  'accessory',
  'sports',
  'kitchen',
  'food',
  'furniture',
  'electronics',
  'appliance',
  'indoor',
] as const;

export type GroupTag = (typeof GROUP_TAGS)[number];

const GROUP_MEMBERS: Record<GroupTag, readonly CocoLabel[]> = {
  people: ['person'],
  vehicle: ['bicycle', 'car', 'motorcycle', 'airplane', 'bus', 'train', 'truck', 'boat'],
  outdoor: ['traffic light', 'fire hydrant', 'stop sign', 'parking meter', 'bench'],
  animal: ['bird', 'cat', 'dog', 'horse', 'sheep', 'cow', 'elephant', 'bear', 'zebra', 'giraffe'],
  accessory: ['backpack', 'umbrella', 'handbag', 'tie', 'suitcase'],
  sports: [
    'frisbee',
    'skis',
    'snowboard',
    'sports ball',
    'kite',
    'baseball bat',
    'baseball glove',
    'skateboard',
    'surfboard',
    'tennis racket',
  ],
  kitchen: ['bottle', 'wine glass', 'cup', 'fork', 'knife', 'spoon', 'bowl'],
  food: [
    'banana',
    'apple',
    'sandwich',
    'orange',
    'broccoli',
    'carrot',
    'hot dog',
    'pizza',
    'donut',
    'cake',
  ],
  furniture: ['chair', 'couch', 'potted plant', 'bed', 'dining table', 'toilet'],
  electronics: ['tv', 'laptop', 'mouse', 'remote', 'keyboard', 'cell phone'],
  appliance: ['microwave', 'oven', 'toaster', 'sink', 'refrigerator'],
  indoor: ['book', 'clock', 'vase', 'scissors', 'teddy bear', 'hair drier', 'toothbrush'],
};

const GROUPS_BY_LABEL = new Map<string, GroupTag[]>();
for (const [group, members] of Object.entries(GROUP_MEMBERS) as [
  GroupTag,
  readonly CocoLabel[],
][]) {
  for (const m of members) GROUPS_BY_LABEL.set(m, [...(GROUPS_BY_LABEL.get(m) ?? []), group]);
}

/** Group tags implied by an object label ([] for unknown labels). */
export function groupsForLabel(label: string): GroupTag[] {
  return [...(GROUPS_BY_LABEL.get(label) ?? [])];
}

/** Object labels belonging to a group tag (for expanding a search on "animal"). */
export function labelsForGroup(group: GroupTag): CocoLabel[] {
  return [...GROUP_MEMBERS[group]];
}
