import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initApi } from './api/client';
import { App } from './app/app';
import './ui/base.css';
import './ui/controls.css';
import './ui/data-table.css';
import './app/shell.css';
import './app/density.css';
import './features/auth/sign-in.css';
import './features/setup/setup.css';
import './features/students/students.css';
import './features/registrar/registrar.css';
import './features/audit/audit.css';
import './features/orders/orders.css';
import './features/grades/grades.css';
import './features/curricula/curricula.css';
import './features/grading-scale/grading-scale.css';
import './features/sync/sync.css';

// first thing: pick the transport and take `#key=…` off the address bar
initApi();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
