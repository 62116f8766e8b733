// Renderer entry: i18n first (every string goes through it), then the query cache and the app.
// In browser mode the link's token is taken out of the address bar before anything
// reads the route; a tab opened without it gets the page that says where the link is.
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient } from './api/queries';
import { currentToken, watchAddressForToken } from './api/token';
import { ConnectionNotice } from './features/connection/ConnectionNotice';
import { MissingLinkPage } from './features/connection/MissingLinkPage';
import { SampleOnFirstStart } from './app/SampleOnFirstStart';
import { LibraryGate } from './features/snapshots/LibraryGate';
import { initI18n } from './i18n';
import { adoptInvitation, isTeamPage } from './team/teamLink';
import { PAIN_KINDS } from '../shared/domain';
import { TERMS_COLOURS } from '../shared/terms-colours';
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
import './styles/connection.css';
import './styles/team.css';

// Each kind of page loads only its own code: a teammate's page never parses the host's screens.
const App = lazy(() => import('./app/App').then((m) => ({ default: m.App })));
const TeamApp = lazy(() => import('./team/TeamApp').then((m) => ({ default: m.TeamApp })));

initI18n();
const browserMode = !window.api;
// A teammate's page (a team session link): the invitation leaves the address bar before anything else.
const teamPage = browserMode && isTeamPage();
if (teamPage) adoptInvitation();
else if (browserMode) watchAddressForToken();
// TERMS chips take their colours from the table every export uses (CSS: var(--terms-T) ...).
for (const kind of PAIN_KINDS) document.documentElement.style.setProperty(`--terms-${kind}`, TERMS_COLOURS[kind]);
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      {teamPage ? (
        <QueryClientProvider client={createQueryClient()}>
          <Suspense fallback={null}>
            <TeamApp />
          </Suspense>
          <ConnectionNotice />
        </QueryClientProvider>
      ) : browserMode && !currentToken() ? (
        <MissingLinkPage />
      ) : (
        <QueryClientProvider client={createQueryClient()}>
          <LibraryGate>
            <SampleOnFirstStart>
              <Suspense fallback={null}>
                <App />
              </Suspense>
            </SampleOnFirstStart>
          </LibraryGate>
          {browserMode && <ConnectionNotice />}
        </QueryClientProvider>
      )}
    </StrictMode>,
  );
}
