/** Entry point: strings for every step, then the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { setupI18n } from './i18n/index.js';
import { STEPS } from './steps/index.js';
import './styles.css';

setupI18n(Object.fromEntries(STEPS.map((step) => [step.id, step.strings])));

const root = document.getElementById('root');
if (root !== null) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
