import { useCallback, useEffect, useRef, useState } from 'react';

export interface ZoomState {
  s: number;
  x: number;
  y: number;
}

const MAX = 8;
const IDENTITY: ZoomState = { s: 1, x: 0, y: 0 };

/** Keeps the picture over the frame: no panning past its edges. */
export function clampPan(
  z: ZoomState,
  fit: { w: number; h: number },
  frame: { w: number; h: number },
): ZoomState {
  const maxX = Math.max(0, (fit.w * z.s - frame.w) / 2);
  const maxY = Math.max(0, (fit.h * z.s - frame.h) / 2);
  return {
    s: z.s,
    x: Math.min(maxX, Math.max(-maxX, z.x)),
    y: Math.min(maxY, Math.max(-maxY, z.y)),
  };
}

/** Zooms to scale `s` keeping the point (px, py), relative to the frame centre, where it is. */
export function zoomAt(z: ZoomState, s: number, px: number, py: number): ZoomState {
  const next = Math.min(MAX, Math.max(1, s));
  const k = next / z.s;
  return { s: next, x: px - (px - z.x) * k, y: py - (py - z.y) * k };
}

/**
 * Wheel, pinch, drag and double-click zoom for the viewer. With one finger at scale 1 a horizontal
 * swipe reports a direction instead (next/previous photo). A video is not zoomable: swipes still
 * move between items, the wheel and the double click are left to the page and the player.
 */
export function useZoom(
  frame: React.RefObject<HTMLDivElement | null>,
  fit: { w: number; h: number },
  resetKey: string,
  onSwipe: (dir: 1 | -1) => void,
  { zoomable = true }: { zoomable?: boolean } = {},
) {
  const [z, setZ] = useState<ZoomState>(IDENTITY);
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const gesture = useRef<{ dist: number; startX: number; moved: boolean } | null>(null);
  const zRef = useRef(z);
  zRef.current = z;

  useEffect(() => setZ(IDENTITY), [resetKey]);

  const frameSize = useCallback(() => {
    const el = frame.current;
    return el ? { w: el.clientWidth, h: el.clientHeight } : { w: 1, h: 1 };
  }, [frame]);

  const rel = useCallback(
    (clientX: number, clientY: number) => {
      const r = frame.current!.getBoundingClientRect();
      return { px: clientX - r.left - r.width / 2, py: clientY - r.top - r.height / 2 };
    },
    [frame],
  );

  const apply = useCallback(
    (next: ZoomState) => setZ(clampPan(next, fit, frameSize())),
    [fit, frameSize],
  );

  useEffect(() => {
    const el = frame.current;
    if (!el || !zoomable) return;
    const wheel = (e: WheelEvent) => {
      e.preventDefault();
      const { px, py } = rel(e.clientX, e.clientY);
      const cur = zRef.current;
      apply(zoomAt(cur, cur.s * Math.exp(-e.deltaY * (e.ctrlKey ? 0.01 : 0.002)), px, py));
    };
    el.addEventListener('wheel', wheel, { passive: false });
    return () => el.removeEventListener('wheel', wheel);
  }, [frame, rel, apply, zoomable]);

  const onPointerDown = (e: React.PointerEvent) => {
    frame.current?.setPointerCapture(e.pointerId);
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    const pts = [...pointers.current.values()];
    gesture.current = {
      dist: pts.length === 2 ? Math.hypot(pts[0].x - pts[1].x, pts[0].y - pts[1].y) : 0,
      startX: e.clientX,
      moved: false,
    };
  };

  const onPointerMove = (e: React.PointerEvent) => {
    const prev = pointers.current.get(e.pointerId);
    if (!prev || !gesture.current) return;
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    const pts = [...pointers.current.values()];
    const cur = zRef.current;
    if (!zoomable) return;
    if (pts.length === 2) {
      const dist = Math.hypot(pts[0].x - pts[1].x, pts[0].y - pts[1].y);
      if (gesture.current.dist > 0) {
        const { px, py } = rel((pts[0].x + pts[1].x) / 2, (pts[0].y + pts[1].y) / 2);
        apply(zoomAt(cur, cur.s * (dist / gesture.current.dist), px, py));
      }
      gesture.current.dist = dist;
      gesture.current.moved = true;
    } else if (cur.s > 1) {
      apply({ s: cur.s, x: cur.x + e.clientX - prev.x, y: cur.y + e.clientY - prev.y });
      gesture.current.moved = true;
    }
  };

  const onPointerUp = (e: React.PointerEvent) => {
    const g = gesture.current;
    pointers.current.delete(e.pointerId);
    if (pointers.current.size === 0) {
      if (g && !g.moved && zRef.current.s === 1 && e.pointerType !== 'mouse') {
        const dx = e.clientX - g.startX;
        if (Math.abs(dx) > 60) onSwipe(dx < 0 ? 1 : -1);
      }
      gesture.current = null;
    }
  };

  const onDoubleClick = (e: React.MouseEvent) => {
    if (!zoomable) return;
    const { px, py } = rel(e.clientX, e.clientY);
    apply(zRef.current.s > 1 ? IDENTITY : zoomAt(zRef.current, 2.5, px, py));
  };

  const zoomBy = (factor: number) =>
    zoomable && apply(zoomAt(zRef.current, zRef.current.s * factor, 0, 0));
  const reset = () => setZ(IDENTITY);

  return {
    z,
    zoomBy,
    reset,
    handlers: {
      onPointerDown,
      onPointerMove,
      onPointerUp,
      onPointerCancel: onPointerUp,
      onDoubleClick,
    },
  };
}
