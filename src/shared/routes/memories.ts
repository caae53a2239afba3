import { MemoriesQuery, MemoryList, TripList } from '../search-api.js';
import { declareRoutes } from './declare.js';

export const memoryRoutes = declareRoutes({
  listMemories: {
    method: 'GET',
    path: '/api/memories',
    tag: 'memories',
    summary: 'Memories of a day: on this day in earlier years, and trips around this time of year',
    description:
      'Trips are runs of photos taken more than 100 km from home (the city photographed on the most ' +
      'days). Each memory has a few chosen photos and a search `query` that opens all of them.',
    query: MemoriesQuery,
    response: { 200: MemoryList },
    errors: [404],
  },
  listTrips: {
    method: 'GET',
    path: '/api/memories/trips',
    tag: 'memories',
    summary: 'Every trip away from home, newest first',
    response: { 200: TripList },
  },
});
