import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { applyTheme } from './app/theme.js';
import { allPhotos } from './timeline/source.js';
import { storeFor } from './timeline/store.js';
import './styles/tokens.css';
import './styles/base.css';
import './styles/shell.css';
import './styles/timeline.css';
import './styles/viewer.css';
import './styles/pages.css';

applyTheme();
// Start fetching the timeline's month counts before React even renders: the first screen
// depends on them.
if (window.location.pathname === '/') storeFor(allPhotos);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
