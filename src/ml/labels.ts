// COCO-80 class names in the order of CenterNet's heatmap channels, and the broader group tags
// derived from them (COCO's own super-categories, renamed for search: "electronic" →
// "electronics"). A photo tagged "dog" is also findable as "animal".

// [Note: COCO lists its classes by super-category] The 80 classes, in their channel order, fall
// into contiguous runs, one per super-category (person; bicycle … boat; traffic light … bench; …),
// so the groups below, read in order, ARE the channel order: one list serves both.
const GROUP_MEMBERS = {
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
} as const;

export type GroupTag = keyof typeof GROUP_MEMBERS;
export type CocoLabel = (typeof GROUP_MEMBERS)[GroupTag][number];

/** Class names by heatmap channel (CenterNet's output order). */
export const COCO_LABELS: readonly CocoLabel[] = Object.values(GROUP_MEMBERS).flat();

export const GROUP_TAGS = Object.keys(GROUP_MEMBERS) as readonly GroupTag[];

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
