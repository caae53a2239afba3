import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export interface WindowLaunch {
  how: 'chromium-app' | 'xdg-open' | 'none';
  detail: string;
}

/**
 * Opens the gallery in its own window: Chromium's --app mode (no tabs or address bar, its own
 * profile under the data directory so it does not disturb the user's browser), else the default
 * browser. Without a display there is nothing to open: the caller prints the URL.
 */
export function openAppWindow(url: string, dataDir: string): WindowLaunch {
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { how: 'none', detail: 'no graphical display found' };
  }
  const chromium = CHROMIUM.find((p) => existsSync(p));
  if (chromium) {
    const profile = path.join(dataDir, 'app-window');
    mkdirSync(profile, { recursive: true });
    const child = spawn(
      chromium,
      [
        `--app=${url}`,
        `--user-data-dir=${profile}`,
        '--class=Picto',
        '--no-first-run',
        '--no-default-browser-check',
      ],
      { detached: true, stdio: 'ignore' },
    );
    child.on('error', () => undefined);
    child.unref();
    return { how: 'chromium-app', detail: chromium };
  }
  const child = spawn('xdg-open', [url], { detached: true, stdio: 'ignore' });
  child.on('error', () => undefined);
  child.unref();
  return { how: 'xdg-open', detail: 'default browser' };
}
