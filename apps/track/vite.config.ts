import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the hub at /t/; a ticket's page is /t/<code>.
export default defineConfig({
  base: '/t/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
});
