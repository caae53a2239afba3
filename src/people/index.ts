// Public face of the people module: the service for the app, the pure engine for tests/bench.
//
//   clusterFaces({ faces, constraints, previous })  // consolidation: everything, from scratch
//   new PeopleIndex().assign(newFaces, ctx, T)      // incremental: new faces → existing people
//   rankSuggestions({ index, target, people, faces })
//   new PeopleService({ repos, events })            // persistence, corrections, API/CLI verbs

export { clusterFaces, DEFAULT_CLUSTER_OPTIONS, type ClusterInput } from './cluster.js';
export { PeopleIndex, type AssignContext, type Match, type NewFace } from './incremental.js';
export { rankSuggestions, whoIsThis, type Suggestion } from './suggestions.js';
export {
  MIN_PERSON_FACES,
  PERSON_THRESHOLD,
  SEED_QUALITY,
  SUGGESTION_THRESHOLD,
} from './threshold.js';
export * from './types.js';
