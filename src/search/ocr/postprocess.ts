// Pure halves of PP-OCR: turning the detector's probability map into text boxes (DB
// post-processing) and the recogniser's per-column class probabilities into text (CTC decoding).
// Written from the PaddleOCR papers' description, simplified to axis-aligned boxes: photos of
// signs, menus and tickets are mostly level, and a level box around slightly tilted text still
// reads.

export interface TextBox {
  /** x, y, w, h in the probability map's pixels. */
  box: [number, number, number, number];
  score: number;
}

export interface DetectOptions {
  /** A pixel is text above this probability. */
  threshold: number;
  /** A region is kept when its mean probability is above this. */
  boxThreshold: number;
  /** DB shrinks text regions in training; boxes grow back by area × ratio / perimeter. */
  unclipRatio: number;
  minSize: number;
}

export const DEFAULT_DETECT: DetectOptions = {
  threshold: 0.3,
  boxThreshold: 0.6,
  unclipRatio: 1.5,
  minSize: 3,
};

/** Connected regions of text pixels (4-connected), as grown boxes with their mean probability. */
export function boxesFromMap(
  prob: Float32Array,
  w: number,
  h: number,
  o: DetectOptions = DEFAULT_DETECT,
): TextBox[] {
  const label = new Int32Array(w * h);
  const stack = new Int32Array(w * h);
  const out: TextBox[] = [];
  let next = 0;
  for (let start = 0; start < w * h; start++) {
    if (label[start] || prob[start] <= o.threshold) continue;
    next++;
    let top = 0;
    stack[top++] = start;
    label[start] = next;
    let minX = w;
    let minY = h;
    let maxX = -1;
    let maxY = -1;
    let sum = 0;
    let n = 0;
    while (top > 0) {
      const i = stack[--top];
      const x = i % w;
      const y = (i - x) / w;
      sum += prob[i];
      n++;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      const push = (j: number) => {
        if (!label[j] && prob[j] > o.threshold) {
          label[j] = next;
          stack[top++] = j;
        }
      };
      if (x > 0) push(i - 1);
      if (x < w - 1) push(i + 1);
      if (y > 0) push(i - w);
      if (y < h - 1) push(i + w);
    }
    const bw = maxX - minX + 1;
    const bh = maxY - minY + 1;
    if (Math.min(bw, bh) < o.minSize) continue;
    const score = sum / n;
    if (score < o.boxThreshold) continue;
    const d = (bw * bh * o.unclipRatio) / (2 * (bw + bh));
    const x0 = Math.max(0, minX - d);
    const y0 = Math.max(0, minY - d);
    const x1 = Math.min(w, maxX + 1 + d);
    const y1 = Math.min(h, maxY + 1 + d);
    out.push({ box: [x0, y0, x1 - x0, y1 - y0], score });
  }
  return out;
}

/**
 * CTC greedy decoding: the most likely class per column, repeats merged, blanks (class 0)
 * dropped. `probs` is [steps × classes]; `chars[k - 1]` is the character of class k.
 */
export function ctcDecode(
  probs: Float32Array,
  steps: number,
  classes: number,
  chars: string[],
): { text: string; score: number } {
  const emitted: { ch: string; t: number; p: number }[] = [];
  let prev = -1;
  for (let t = 0; t < steps; t++) {
    let best = 0;
    let bestP = -1;
    const base = t * classes;
    for (let c = 0; c < classes; c++) {
      if (probs[base + c] > bestP) {
        bestP = probs[base + c];
        best = c;
      }
    }
    if (best !== 0 && best !== prev) emitted.push({ ch: chars[best - 1] ?? '', t, p: bestP });
    prev = best;
  }
  // The Chinese-trained recogniser often drops the space between Latin words. Where the columns
  // between two letters are much wider than usual, a space was there: put it back, or "lisbon"
  // could never be found in "WelcometoLisbon".
  const gaps = emitted
    .slice(1)
    .map((e, i) => e.t - emitted[i].t)
    .sort((a, b) => a - b);
  const typical = gaps.length >= 3 ? gaps[Math.floor(gaps.length / 2)] : Infinity;
  let text = '';
  emitted.forEach((e, i) => {
    const gap = i > 0 ? e.t - emitted[i - 1].t : 0;
    const latin = /[A-Za-z0-9]/.test(e.ch) && i > 0 && /[A-Za-z0-9]/.test(emitted[i - 1].ch);
    if (latin && gap >= Math.max(3, typical * 1.8) && !text.endsWith(' ')) text += ' ';
    text += e.ch;
  });
  const score = emitted.length ? emitted.reduce((n, e) => n + e.p, 0) / emitted.length : 0;
  return { text: text.replace(/\s+/g, ' ').trim(), score };
}

/** Reading order: top to bottom by line, left to right within a line. */
export function readingOrder<T extends { box: [number, number, number, number] }>(items: T[]): T[] {
  const sorted = [...items].sort((a, b) => a.box[1] - b.box[1]);
  const lines: T[][] = [];
  for (const it of sorted) {
    const line = lines[lines.length - 1];
    const mid = it.box[1] + it.box[3] / 2;
    if (line && mid < line[0].box[1] + line[0].box[3]) line.push(it);
    else lines.push([it]);
  }
  return lines.flatMap((l) => l.sort((a, b) => a.box[0] - b.box[0]));
}

/**
 * Joins words the detector found apart on one line (wide letter spacing in titles) when the gap
 * between them is less than the line's height. Items must be in reading order.
 */
export function joinLines<
  T extends { text: string; score: number; box: [number, number, number, number] },
>(items: T[]): T[] {
  const out: T[] = [];
  for (const it of items) {
    const prev = out[out.length - 1];
    if (prev) {
      const [px, py, pw, ph] = prev.box;
      const [x, y, w, h] = it.box;
      const sameLine = y + h / 2 > py && y + h / 2 < py + ph;
      const gap = x - (px + pw);
      if (sameLine && gap > -ph && gap < Math.max(ph, h)) {
        const x0 = Math.min(px, x);
        const y0 = Math.min(py, y);
        out[out.length - 1] = {
          ...prev,
          text: `${prev.text} ${it.text}`,
          score: Math.min(prev.score, it.score),
          box: [x0, y0, Math.max(px + pw, x + w) - x0, Math.max(py + ph, y + h) - y0],
        };
        continue;
      }
    }
    out.push(it);
  }
  return out;
}
