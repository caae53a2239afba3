/**
 * The stages of indexing, in the order a photo goes through them. `version` names what produced a
 * stage's output: when it changes, exactly the photos done by another version are queued again.
 */
export interface StageDef {
  name: string;
  version: string;
  /** AI stages run only for photos in folders with AI switched on. */
  ai: boolean;
  /** Higher runs first when the queue has a choice: thumbnails before AI, OCR last. */
  priority: number;
}

export const MEDIA_STAGE: StageDef = { name: 'media', version: 'media@1', ai: false, priority: 10 };

const registry: StageDef[] = [MEDIA_STAGE];

export function allStages(): StageDef[] {
  return registry;
}

export function stageByName(name: string): StageDef | undefined {
  return registry.find((s) => s.name === name);
}

/** Later modules (AI, OCR) add their stages here at start-up. */
export function registerStage(def: StageDef): void {
  const i = registry.findIndex((s) => s.name === def.name);
  if (i >= 0) registry[i] = def;
  else registry.push(def);
}

export function stagesFor(aiEnabled: boolean): StageDef[] {
  return registry.filter((s) => aiEnabled || !s.ai);
}
