import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import sharp from 'sharp';
import { defineConfig, type Plugin } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Renders the PNG icons a PWA install needs (192, 512, maskable, Apple touch) from the one SVG
 * source at build time, so the repository holds no binary copies that could drift from it.
 */
function pwaIcons(): Plugin {
  const renders: { file: string; svg: string; size: number }[] = [
    { file: 'icon-192.png', svg: 'icon.svg', size: 192 },
    { file: 'icon-512.png', svg: 'icon.svg', size: 512 },
    { file: 'icon-maskable-512.png', svg: 'icon-maskable.svg', size: 512 },
    { file: 'apple-touch-icon.png', svg: 'icon-maskable.svg', size: 180 },
  ];
  return {
    name: 'picto-pwa-icons',
    apply: 'build',
    async generateBundle() {
      for (const r of renders) {
        const svg = readFileSync(path.join(here, 'public', r.svg));
        const png = await sharp(svg, { density: 384 }).resize(r.size, r.size).png().toBuffer();
        this.emitFile({ type: 'asset', fileName: r.file, source: png });
      }
    },
  };
}

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react(), pwaIcons()],
  build: {
    outDir: path.join(here, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Vite would inline tiny assets as data: URLs; files keep the CSP simple and caching per file.
    assetsInlineLimit: 0,
  },
  server: {
    // `vite` dev server: the API comes from a running `picto serve`.
    proxy: { '/api': { target: 'http://127.0.0.1:4790', changeOrigin: false } },
  },
});
