import '@antre/ui/theme.css';
import '@antre/ui/skm-steps.css';
import './counter.css';
import './survey-tablet.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { SurveyTablet } from './tablet/SurveyTablet';

// `/counter/#/survei` (or `?mode=survey`) is the visitor-facing survey tablet beside a counter.
const surveyTablet =
  window.location.hash.startsWith('#/survei') ||
  new URLSearchParams(window.location.search).get('mode') === 'survey';

createRoot(document.getElementById('root')!).render(
  <StrictMode>{surveyTablet ? <SurveyTablet /> : <App />}</StrictMode>,
);
