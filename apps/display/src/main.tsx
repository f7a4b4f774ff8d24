import '@antre/ui/theme.css';
import './board.css';
import './board-portrait.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { takeDeviceToken } from './device-token';
import { Start } from './Start';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Start
      token={takeDeviceToken(window.location, window.localStorage, window.history)}
      storage={window.localStorage}
      hubUrl={window.location.origin}
    />
  </StrictMode>,
);
