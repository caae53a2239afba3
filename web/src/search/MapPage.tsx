import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { useEffect, useRef, useState } from 'react';
import worldUrl from 'world-atlas/countries-110m.json?url';
import { onLibraryEvent } from '../api/events.js';
import { navigate } from '../app/router.js';
import { EmptyState } from '../components/EmptyState.js';
import { Icon } from '../components/Icon.js';
import { toastError } from '../components/toasts.js';
import { searchApi, searchHref } from './api.js';
import './search.css';

/**
 * world-atlas rings that cross the 180° meridian jump from +180 to -180 and back; drawn as they
 * are, they streak across the whole map. Each ring is made continuous (longitudes past ±180).
 */
function unwrapAntimeridian<T>(geo: T): T {
  const fixRing = (ring: number[][]) => {
    let shift = 0;
    return ring.map(([lon, lat], i) => {
      if (i > 0) {
        const prev = ring[i - 1][0];
        if (lon - prev > 180) shift -= 360;
        else if (prev - lon > 180) shift += 360;
      }
      return [lon + shift, lat];
    });
  };
  const walk = (g: { type: string; coordinates: number[][][] | number[][][][] }) => {
    if (g.type === 'Polygon') g.coordinates = (g.coordinates as number[][][]).map(fixRing);
    if (g.type === 'MultiPolygon')
      g.coordinates = (g.coordinates as number[][][][]).map((p) => p.map(fixRing));
  };
  const fc = geo as unknown as { features: { geometry: Parameters<typeof walk>[0] }[] };
  for (const f of fc.features) if (f.geometry) walk(f.geometry);
  return geo;
}

/**
 * A cluster marker: the newest photo in a circle and the count. Built with the DOM, not an HTML
 * string: the page's Content-Security-Policy rejects style attributes written in markup.
 */
function clusterElement(thumbUrl: string | null, count: number): HTMLElement {
  const root = document.createElement('div');
  const img = document.createElement('div');
  img.className = 'map-cluster-img';
  if (thumbUrl) img.style.backgroundImage = `url("${thumbUrl}")`;
  const badge = document.createElement('span');
  badge.className = 'map-cluster-count';
  badge.textContent = String(count);
  root.append(img, badge);
  root.style.width = root.style.height = '100%';
  return root;
}

/**
 * Photos on a map. The basemap is drawn from world-atlas country shapes (no tile server is
 * reachable offline); markers are the server's clusters for the view, refetched as it moves.
 * "Select area" lets a rectangle be dragged; its photos open in search as area:s,w,n,e.
 */
export function MapPage() {
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const [selecting, setSelecting] = useState(false);
  const [count, setCount] = useState<number | null>(null);
  /** Photos with a place in the whole library: none means a map would only show an empty world. */
  const [placed, setPlaced] = useState<number | null>(null);
  const selectingRef = useRef(false);
  selectingRef.current = selecting;

  useEffect(() => {
    let alive = true;
    const world = { south: -90, west: -180, north: 90, east: 180 };
    const load = () =>
      searchApi.clusters(world, 0).then(
        (r) => alive && setPlaced(r.total),
        () => undefined,
      );
    void load();
    const off = onLibraryEvent((e) => {
      if (e.type === 'jobs.idle' || e.type === 'reconnected') void load();
    });
    return () => {
      alive = false;
      off();
    };
  }, []);

  useEffect(() => {
    if (!box.current) return;
    const m = L.map(box.current, {
      worldCopyJump: true,
      minZoom: 1,
      maxZoom: 16,
      zoomControl: true,
      attributionControl: false,
    }).setView([30, 10], 2);
    map.current = m;
    m.getContainer().style.background = 'var(--map-sea)';
    void fetch(worldUrl)
      .then((r) => r.json())
      .then((topo: Topology) => {
        const countries = unwrapAntimeridian(
          feature(topo, topo.objects.countries as GeometryCollection),
        );
        L.geoJSON(countries, {
          style: {
            color: 'var(--map-border)',
            weight: 0.7,
            fillColor: 'var(--map-land)',
            fillOpacity: 1,
          },
          interactive: false,
        }).addTo(m);
        markers.bringToFront();
      }, toastError);

    const markers = L.featureGroup().addTo(m);
    let seq = 0;
    const refresh = async () => {
      const b = m.getBounds();
      const mySeq = ++seq;
      try {
        const r = await searchApi.clusters(
          {
            south: Math.max(-90, b.getSouth()),
            west: Math.max(-180, b.getWest()),
            north: Math.min(90, b.getNorth()),
            east: Math.min(180, b.getEast()),
          },
          m.getZoom(),
        );
        if (mySeq !== seq) return;
        setCount(r.total);
        markers.clearLayers();
        for (const c of r.clusters) {
          const size = c.count > 999 ? 64 : c.count > 99 ? 56 : c.count > 9 ? 50 : 44;
          const icon = L.divIcon({
            className: 'map-cluster',
            iconSize: [size, size],
            html: clusterElement(c.thumbUrl, c.count),
          });
          L.marker([c.lat, c.lon], { icon, title: `${c.count} photo${c.count === 1 ? '' : 's'}` })
            .on('click', () => {
              const [s, w, n, e] = c.bounds;
              // A big cluster zooms in; a small one opens its photos.
              if (c.count > 30 && m.getZoom() < 14)
                m.fitBounds([
                  [s, w],
                  [n, e],
                ]);
              else navigate(searchHref(`area:${s},${w},${n},${e}`));
            })
            .addTo(markers);
        }
      } catch (err) {
        toastError(err);
      }
    };
    m.on('moveend', () => void refresh());
    void refresh();

    // Area selection: drag a rectangle while "Select area" is on.
    let start: L.LatLng | null = null;
    let rect: L.Rectangle | null = null;
    m.on('mousedown', (e: L.LeafletMouseEvent) => {
      if (!selectingRef.current) return;
      m.dragging.disable();
      start = e.latlng;
      rect = L.rectangle(L.latLngBounds(start, start), { color: 'var(--accent)', weight: 2 }).addTo(
        m,
      );
    });
    m.on('mousemove', (e: L.LeafletMouseEvent) => {
      if (start && rect) rect.setBounds(L.latLngBounds(start, e.latlng));
    });
    m.on('mouseup', () => {
      if (!start || !rect) return;
      const b = rect.getBounds();
      rect.remove();
      start = null;
      rect = null;
      m.dragging.enable();
      setSelecting(false);
      const f = (x: number) => x.toFixed(5);
      navigate(
        searchHref(
          `area:${f(b.getSouth())},${f(b.getWest())},${f(b.getNorth())},${f(b.getEast())}`,
        ),
      );
    });
    return () => {
      m.remove();
      map.current = null;
    };
  }, []);

  return (
    <div className="page map-page">
      <header className="topbar">
        <div className="topbar-titles">
          <h1 className="topbar-title">Map</h1>
          {count !== null && placed !== 0 && (
            <span className="topbar-sub">{count.toLocaleString()} photos with a place in view</span>
          )}
        </div>
        <div className="topbar-actions">
          {placed !== 0 && (
            <button
              className={`button${selecting ? ' button-primary' : ''}`}
              onClick={() => setSelecting((s) => !s)}
              aria-pressed={selecting}
            >
              <Icon name="pin" size={18} /> {selecting ? 'Drag a rectangle…' : 'Select area'}
            </button>
          )}
        </div>
      </header>
      <div className="map-area">
        <div ref={box} className={`map-box${selecting ? ' selecting' : ''}`} />
        {placed === 0 && (
          <div className="map-empty">
            <EmptyState icon="pin" title="No photos with a place yet">
              <p>
                Photos that know where they were taken (most phones record it) appear here, on a map
                of the world.
              </p>
              <p className="muted">
                Picto reads the position stored in each file and names the place offline: nothing is
                looked up on the internet.
              </p>
            </EmptyState>
          </div>
        )}
      </div>
    </div>
  );
}
