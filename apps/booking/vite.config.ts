import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the hub at /booking/; the poster to print is /booking/#poster.
export default defineConfig({
  base: '/booking/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
});
