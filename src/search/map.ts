// Photos on the map: clusters of photos with a position, in cells that shrink as the map zooms
// in, optionally narrowed by a search query. One grouped SQL statement per map view.

import type { ClusterRow } from '../db/repos/search.js';
import type { Repos } from '../db/index.js';
import type { Clause } from '../shared/search-query.js';
import type { SearchService } from './service.js';

export interface MapView {
  south: number;
  west: number;
  north: number;
  east: number;
  zoom: number;
  q?: string;
}

export interface Cluster {
  lat: number;
  lon: number;
  count: number;
  photoId: string;
  contentHash: string;
  hasThumb: boolean;
  bounds: [number, number, number, number];
}

/** Cells about 60 screen pixels wide at this zoom (256-pixel tiles, 2^zoom of them around). */
export function cellSize(zoom: number): number {
  return Math.max(0.0005, 360 / ((2 ** zoom * 256) / 60));
}

export class MapService {
  constructor(
    private readonly repos: Repos,
    private readonly search: SearchService,
  ) {}

  clusters(v: MapView): { clusters: Cluster[]; total: number; cellDeg: number } {
    const cell = cellSize(v.zoom);
    const area: Clause = {
      terms: [{ kind: 'area', south: v.south, west: v.west, north: v.north, east: v.east }],
      negate: false,
      span: [0, 0],
    };
    const clauses = [area, ...(v.q ? this.search.parse(v.q).clauses : [])];
    const plan = this.search.plan(clauses, 'newest', Number.MAX_SAFE_INTEGER);
    const rows = this.repos.discovery.search.clusters(clauses, plan, cell);
    const clusters = rows.map((r) => toCluster(r, cell));
    clusters.sort((a, b) => b.count - a.count);
    return { clusters, total: clusters.reduce((n, c) => n + c.count, 0), cellDeg: cell };
  }
}

function toCluster(r: ClusterRow, cell: number): Cluster {
  const [, id, contentHash, thumb] = r.newest.split(' ');
  const s = Math.max(-90, r.gy * cell);
  const w = Math.max(-180, r.gx * cell);
  return {
    lat: r.lat,
    lon: r.lon,
    count: r.count,
    photoId: id,
    contentHash,
    hasThumb: thumb === '1',
    bounds: [s, w, Math.min(90, s + cell), Math.min(180, w + cell)],
  };
}
