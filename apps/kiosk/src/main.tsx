import '@antre/ui/theme.css';
import '@antre/ui/skm-steps.css';
import './kiosk.css';
import './screens/check-in.css';
import './survey/kiosk-survey.css';
import './notify/phone-opt-in.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
