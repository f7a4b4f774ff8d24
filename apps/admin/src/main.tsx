import '@antre/ui/theme.css';
import './admin.css';
import './region/region.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { isRegionServer } from './region/region-api';
import { RegionApp } from './region/RegionApp';

// The same app serves a building's hub and a regional overview server: the server's health
// says which (`role: "region"`), and the regional mode shows buildings side by side.
void isRegionServer().then((region) =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>{region ? <RegionApp /> : <App />}</StrictMode>,
  ),
);
