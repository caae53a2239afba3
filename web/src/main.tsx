import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { applyTheme } from './app/theme.js';
import { allPhotos } from './timeline/source.js';
import { storeFor } from './timeline/store.js';
import './styles/tokens.css';
import './styles/base.css';
import './styles/shell.css';
import './styles/layers.css';
import './styles/phone.css';
import './styles/menu.css';
import './styles/timeline.css';
import './styles/scrubber.css';
import './styles/viewer.css';
import './styles/notes.css';
import './styles/pages.css';
import './styles/folders.css';
import './styles/picker.css';
import './styles/workers.css';

// data-theme before React renders, so the first paint has the right palette ("Auto" resolved).
applyTheme();
// Start fetching the timeline's month counts before React even renders: the first screen
// depends on them. Other pages take the answer and drop it: the preload in index.html must be
// used on every page (an unused preload is a console warning; the counts are a few hundred bytes).
if (window.location.pathname === '/') storeFor(allPhotos);
else void allPhotos.buckets().catch(() => undefined);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
