import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is a static bundle: no network, no inline scripts (CSP `script-src 'self'`), relative asset paths
// so the same build loads from `app://console/` (Electron) and from the web host.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: false,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
});
