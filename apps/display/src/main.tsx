import '@antre/ui/theme.css';
import './board.css';
import './board-portrait.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { takeDeviceToken } from './device-token';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App token={takeDeviceToken(window.location, window.localStorage, window.history)} />
  </StrictMode>,
);
