// Local HTML pages for the labelled category set: app and web screens (rendered as screenshots)
// and paper documents (rendered, then "photographed"). Everything inline: no network, no files.

import { mulberry32 } from '../../../src/shared/random.js';

const WORDS =
  `the of and to in is you that it he was for on are as with his they at be this have from or one
  had by word but not what all were we when your can said there use an each which she do how their
  if will up other about out many then them these so some her would make like him into time has
  look two more write go see number no way could people my than first water been call who oil its
  now find long down day did get come made may part over new sound take only little work know place
  year live me back give most very after thing our just name good sentence man think say great where
  help through much before line right too mean old any same tell boy follow came want show also
  around form three small set put end does another well large must big even such because turn here
  why ask went men read need land different home us move try kind hand picture again change off
  play spell air away animal house point page letter mother answer found study still learn should`
    .split(/\s+/)
    .filter(Boolean);

export type Rand = () => number;

export const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

export function words(r: Rand, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(pick(r, WORDS));
  const s = out.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function sentences(r: Rand, n: number): string {
  return Array.from({ length: n }, () => `${words(r, 6 + Math.floor(r() * 12))}.`).join(' ');
}

const esc = (s: string) =>
  s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);

interface Theme {
  bg: string;
  fg: string;
  muted: string;
  accent: string;
  panel: string;
}

const LIGHT: Theme = {
  bg: '#ffffff',
  fg: '#1c1c1e',
  muted: '#8e8e93',
  accent: '#0a84ff',
  panel: '#f2f2f7',
};
const DARK: Theme = {
  bg: '#000000',
  fg: '#f2f2f7',
  muted: '#8e8e93',
  accent: '#30d158',
  panel: '#1c1c1e',
};
const ACCENTS = ['#0a84ff', '#ff375f', '#30b0c7', '#5e5ce6', '#ff9f0a', '#34c759'];

function page(t: Theme, body: string, css = ''): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    * { box-sizing: border-box; margin: 0; padding: 0; }
    body { background: ${t.bg}; color: ${t.fg}; font-family: 'DejaVu Sans', 'Liberation Sans', sans-serif;
      font-size: 15px; line-height: 1.4; overflow: hidden; }
    .bar { height: 44px; display: flex; align-items: center; padding: 0 16px; font-weight: bold;
      border-bottom: 1px solid ${t.panel}; }
    .status { height: 24px; display: flex; justify-content: space-between; padding: 4px 16px;
      font-size: 12px; font-weight: bold; }
    .muted { color: ${t.muted}; }
    ${css}
  </style></head><body>${body}</body></html>`;
}

const statusBar = (r: Rand) =>
  `<div class="status"><span>${9 + Math.floor(r() * 12)}:${String(Math.floor(r() * 60)).padStart(2, '0')}</span><span>▮▮▮ ◔ ${40 + Math.floor(r() * 60)}%</span></div>`;

/** A settings-like list with switches and round icons. */
export function settingsPage(seed: number, dark = false): string {
  const r = mulberry32(seed);
  const t = dark ? DARK : { ...LIGHT, accent: pick(r, ACCENTS) };
  const rows = Array.from({ length: 16 }, (_, i) => {
    const on = r() > 0.5;
    return `<div class="row"><span class="icon" style="background:${ACCENTS[i % ACCENTS.length]}"></span>
      <span class="label">${esc(words(r, 1 + Math.floor(r() * 3)))}</span>
      <span class="switch ${on ? 'on' : ''}"><span></span></span></div>`;
  }).join('');
  return page(
    t,
    `${statusBar(r)}<div class="bar">${esc(words(r, 1))}</div><div class="group">${rows}</div>`,
    `.group { margin: 16px; border-radius: 12px; background: ${t.panel}; overflow: hidden; }
     .row { display: flex; align-items: center; height: 46px; padding: 0 12px; border-bottom: 1px solid ${t.bg}; }
     .icon { width: 28px; height: 28px; border-radius: 7px; margin-right: 12px; }
     .label { flex: 1; }
     .switch { width: 50px; height: 30px; border-radius: 15px; background: ${t.muted}; position: relative; }
     .switch.on { background: ${t.accent}; }
     .switch span { position: absolute; top: 2px; left: 2px; width: 26px; height: 26px; border-radius: 13px; background: #fff; }
     .switch.on span { left: 22px; }`,
  );
}

/** A messaging thread: bubbles left and right, an input bar. */
export function chatPage(seed: number, dark = false): string {
  const r = mulberry32(seed);
  const t = dark ? DARK : LIGHT;
  const accent = pick(r, ACCENTS);
  const bubbles = Array.from({ length: 18 }, () => {
    const mine = r() > 0.5;
    return `<div class="msg ${mine ? 'me' : ''}"><div class="bubble">${esc(words(r, 3 + Math.floor(r() * 14)))}</div></div>`;
  }).join('');
  return page(
    t,
    `${statusBar(r)}<div class="bar"><span class="avatar"></span>${esc(words(r, 2))}</div>
     <div class="thread">${bubbles}</div><div class="input"><span>${esc(words(r, 2))}…</span></div>`,
    `.avatar { width: 30px; height: 30px; border-radius: 15px; background: ${accent}; margin-right: 10px; }
     .thread { padding: 8px 12px; display: flex; flex-direction: column; justify-content: flex-end; height: calc(100vh - 124px); overflow: hidden; }
     .msg { display: flex; margin: 3px 0; }
     .msg.me { justify-content: flex-end; }
     .bubble { max-width: 75%; padding: 8px 12px; border-radius: 18px; background: ${t.panel}; }
     .me .bubble { background: ${accent}; color: #fff; }
     .input { position: fixed; bottom: 0; left: 0; right: 0; height: 56px; padding: 10px 12px; border-top: 1px solid ${t.panel}; }
     .input span { display: block; height: 36px; border-radius: 18px; border: 1px solid ${t.muted}; padding: 7px 14px; color: ${t.muted}; }`,
  );
}

/** A news or blog article, with a photo when one is given (a JPEG data URL). */
export function articlePage(seed: number, photo?: string, serif = false): string {
  const r = mulberry32(seed);
  const paras = Array.from(
    { length: 8 },
    () => `<p>${esc(sentences(r, 4 + Math.floor(r() * 4)))}</p>`,
  );
  if (photo) paras.splice(1, 0, `<img src="${photo}">`);
  return page(
    LIGHT,
    `<div class="site"><b>${esc(words(r, 2))}</b><span class="muted">${esc(words(r, 4))}</span></div>
     <article><h1>${esc(words(r, 7))}</h1><div class="muted by">${esc(words(r, 3))} · ${1 + Math.floor(r() * 28)} min read</div>${paras.join('')}</article>`,
    `.site { display: flex; justify-content: space-between; padding: 14px 20px; border-bottom: 1px solid #ddd; }
     article { max-width: 720px; margin: 0 auto; padding: 20px; font-family: ${serif ? "'DejaVu Serif', serif" : 'inherit'}; }
     h1 { font-size: 30px; line-height: 1.2; margin-bottom: 8px; }
     .by { margin-bottom: 16px; }
     p { margin-bottom: 14px; font-size: 17px; line-height: 1.55; }
     img { width: 100%; margin-bottom: 14px; border-radius: 4px; }`,
  );
}

/** A desktop dashboard: sidebar, number cards, a bar chart, a table. */
export function dashboardPage(seed: number, dark = false): string {
  const r = mulberry32(seed);
  const t = dark
    ? { ...DARK, bg: '#121417', panel: '#1e2227' }
    : { ...LIGHT, bg: '#f5f6f8', panel: '#ffffff' };
  const accent = pick(r, ACCENTS);
  const nav = Array.from({ length: 9 }, () => `<div class="nav">${esc(words(r, 1))}</div>`).join(
    '',
  );
  const cards = Array.from(
    { length: 4 },
    () =>
      `<div class="card"><div class="muted">${esc(words(r, 2))}</div><div class="big">${Math.floor(r() * 90000).toLocaleString('en')}</div></div>`,
  ).join('');
  const bars = Array.from(
    { length: 24 },
    () => `<span style="height:${10 + Math.floor(r() * 90)}%"></span>`,
  ).join('');
  const rows = Array.from(
    { length: 10 },
    () =>
      `<tr><td>${esc(words(r, 2))}</td><td>${esc(words(r, 1))}</td><td>${Math.floor(r() * 1000)}</td><td>${(r() * 100).toFixed(1)}%</td></tr>`,
  ).join('');
  return page(
    t,
    `<div class="side"><b>${esc(words(r, 1))}</b>${nav}</div><main><h2>${esc(words(r, 2))}</h2>
     <div class="cards">${cards}</div><div class="chart">${bars}</div><table>${rows}</table></main>`,
    `body { display: flex; height: 100vh; }
     .side { width: 220px; background: ${t.panel}; padding: 20px; border-right: 1px solid #8882; }
     .nav { padding: 9px 0; color: ${t.muted}; }
     main { flex: 1; padding: 24px; }
     h2 { margin-bottom: 16px; }
     .cards { display: flex; gap: 16px; margin-bottom: 16px; }
     .card { flex: 1; background: ${t.panel}; border-radius: 8px; padding: 16px; }
     .big { font-size: 28px; font-weight: bold; }
     .chart { height: 200px; display: flex; align-items: flex-end; gap: 6px; background: ${t.panel}; border-radius: 8px; padding: 16px; margin-bottom: 16px; }
     .chart span { flex: 1; background: ${accent}; border-radius: 3px 3px 0 0; }
     table { width: 100%; border-collapse: collapse; background: ${t.panel}; border-radius: 8px; }
     td { padding: 9px 12px; border-bottom: 1px solid #8883; }`,
  );
}

/** A code editor in a dark theme. */
export function editorPage(seed: number): string {
  const r = mulberry32(seed);
  const colours = ['#c586c0', '#9cdcfe', '#ce9178', '#dcdcaa', '#4ec9b0', '#6a9955', '#d4d4d4'];
  const lines = Array.from({ length: 48 }, (_, i) => {
    const indent = '&nbsp;'.repeat(2 * Math.floor(r() * 4));
    const toks = Array.from(
      { length: 1 + Math.floor(r() * 6) },
      () => `<span style="color:${pick(r, colours)}">${esc(words(r, 1).toLowerCase())}</span>`,
    ).join(' ');
    return `<div><span class="ln">${i + 1}</span>${indent}${toks}</div>`;
  }).join('');
  return page(
    { ...DARK, bg: '#1e1e1e' },
    `<div class="tabs"><span>${esc(words(r, 1).toLowerCase())}.ts</span></div><div class="code">${lines}</div>`,
    `body { font-family: 'DejaVu Sans Mono', monospace; font-size: 14px; }
     .tabs { height: 36px; background: #252526; padding: 8px 16px; color: #ccc; }
     .code { padding: 8px 0; line-height: 1.5; }
     .ln { display: inline-block; width: 50px; text-align: right; margin-right: 20px; color: #858585; }`,
  );
}

/** A social feed: a big photo with a caption and actions (the hard case: mostly photo). */
export function feedPage(seed: number, photo: string): string {
  const r = mulberry32(seed);
  return page(
    LIGHT,
    `${statusBar(r)}<div class="bar">${esc(words(r, 1))}</div>
     <div class="post"><div class="who"><span class="avatar"></span>${esc(words(r, 2))}</div>
     <img src="${photo}"><div class="actions">♡ ◯ ➤</div><p><b>${esc(words(r, 1))}</b> ${esc(sentences(r, 2))}</p></div>`,
    `.who { display: flex; align-items: center; padding: 10px 12px; font-weight: bold; }
     .avatar { width: 32px; height: 32px; border-radius: 16px; background: ${pick(r, ACCENTS)}; margin-right: 10px; }
     img { width: 100%; display: block; }
     .actions { padding: 10px 12px; font-size: 22px; }
     p { padding: 0 12px; }`,
  );
}

/** A printed page: letter, form or book page, at A4 proportions (794 × 1123 CSS px). */
export function paperPage(seed: number, kind: 'letter' | 'form' | 'book'): string {
  const r = mulberry32(seed);
  const serif = kind === 'book' || r() > 0.5;
  let body: string;
  if (kind === 'form') {
    const fields = Array.from(
      { length: 14 },
      () =>
        `<div class="field"><span>${esc(words(r, 2))}:</span><span class="line">${r() > 0.3 ? esc(words(r, 3)) : ''}</span></div>`,
    ).join('');
    body = `<h2>${esc(words(r, 4)).toUpperCase()}</h2><p>${esc(sentences(r, 3))}</p>${fields}<p>${esc(sentences(r, 4))}</p>`;
  } else if (kind === 'book') {
    body = `${Array.from({ length: 7 }, () => `<p class="indent">${esc(sentences(r, 5))}</p>`).join('')}<div class="folio">${10 + Math.floor(r() * 300)}</div>`;
  } else {
    body = `<div class="head">${esc(words(r, 3))}<br>${esc(words(r, 4))}<br>${esc(words(r, 2))} ${Math.floor(r() * 9000 + 1000)}</div>
      <p>${esc(words(r, 2))},</p>${Array.from({ length: 5 }, () => `<p>${esc(sentences(r, 4))}</p>`).join('')}<p>${esc(words(r, 2))}</p>`;
  }
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    * { margin: 0; padding: 0; box-sizing: border-box; }
    body { width: 794px; height: 1123px; background: #fff; color: #111; padding: 80px 84px; overflow: hidden;
      font-family: ${serif ? "'DejaVu Serif', 'Liberation Serif', serif" : "'Liberation Sans', 'DejaVu Sans', sans-serif"};
      font-size: ${kind === 'book' ? 17 : 15}px; line-height: 1.5; }
    p { margin-bottom: 12px; text-align: justify; }
    .indent { text-indent: 2em; margin-bottom: 4px; }
    .head { text-align: right; margin-bottom: 40px; }
    h2 { font-size: 20px; margin-bottom: 16px; }
    .field { display: flex; margin: 12px 0; }
    .field .line { flex: 1; border-bottom: 1px solid #333; margin-left: 8px; padding-left: 6px; font-style: italic; }
    .folio { text-align: center; margin-top: 20px; }
  </style></head><body>${body}</body></html>`;
}

/** A till receipt: narrow (80 mm paper, 300 CSS px), monospace, as tall as its lines. */
export function receiptPage(seed: number): { html: string; height: number } {
  const r = mulberry32(seed);
  const items = 8 + Math.floor(r() * 14);
  const lines = Array.from({ length: items }, () => {
    const name = words(r, 1 + Math.floor(r() * 2))
      .toUpperCase()
      .slice(0, 20);
    return `<div class="l"><span>${esc(name)}</span><span>${(r() * 40 + 0.5).toFixed(2)}</span></div>`;
  }).join('');
  const height = 300 + items * 22 + 200;
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>
    * { margin: 0; padding: 0; box-sizing: border-box; }
    body { width: 300px; height: ${height}px; background: #fbfbf8; color: #222; padding: 24px 18px;
      font-family: 'DejaVu Sans Mono', 'Liberation Mono', monospace; font-size: 14px; line-height: 22px; overflow: hidden; }
    .c { text-align: center; }
    .l { display: flex; justify-content: space-between; }
    hr { border: 0; border-top: 1px dashed #444; margin: 10px 0; }
  </style></head><body>
    <div class="c"><b>${esc(words(r, 2).toUpperCase())}</b><br>${esc(words(r, 3))}<br>${Math.floor(r() * 900 + 100)} ${esc(words(r, 1))} St</div><hr>
    ${lines}<hr>
    <div class="l"><b>TOTAL</b><b>${(r() * 300 + 10).toFixed(2)}</b></div>
    <div class="l"><span>CARD</span><span>**** ${Math.floor(r() * 9000 + 1000)}</span></div><hr>
    <div class="c">${esc(words(r, 4))}<br>${String(Math.floor(r() * 28) + 1).padStart(2, '0')}/0${Math.floor(r() * 9) + 1}/2024 ${Math.floor(r() * 12) + 8}:${String(Math.floor(r() * 60)).padStart(2, '0')}</div>
  </body></html>`;
  return { html, height };
}
