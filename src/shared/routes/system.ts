import { SystemInfo } from '../api.js';
import { declareRoutes } from './declare.js';

export const systemRoutes = declareRoutes({
  getSystem: {
    method: 'GET',
    path: '/api/system',
    tag: 'system',
    summary: 'Version, library location and totals',
    response: { 200: SystemInfo },
  },
});
