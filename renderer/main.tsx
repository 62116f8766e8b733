// Renderer entry: i18n first (every string goes through it), then the query cache and the app.
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient } from './api/queries';
import { App } from './app/App';
import { SampleOnFirstStart } from './app/SampleOnFirstStart';
import { LibraryGate } from './features/snapshots/LibraryGate';
import { initI18n } from './i18n';
import './styles/app.css';
import './styles/design.css';
import './styles/interview.css';
import './styles/board.css';
import './styles/documents.css';
import './styles/search.css';
import './styles/analysis.css';
import './styles/snapshots.css';
import './styles/interop.css';
import './styles/archives.css';

initI18n();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={createQueryClient()}>
        <LibraryGate>
          <SampleOnFirstStart>
            <App />
          </SampleOnFirstStart>
        </LibraryGate>
      </QueryClientProvider>
    </StrictMode>,
  );
}
