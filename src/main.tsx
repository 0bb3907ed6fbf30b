import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './App';
// The app's styles, in this order (later rules win ties): the theme and shell, then each page's.
import './styles/base.css';
import './styles/train-charts.css';
import './styles/train-runs.css';
import './styles/episodes.css';
import './styles/evaluate.css';
import './styles/learn.css';
import './styles/cells.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <BrowserRouter>
      <App />
    </BrowserRouter>
  </StrictMode>,
);
