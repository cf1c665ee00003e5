// Entry of the renderer bundle: one app store over the api for this face, then the shell.
import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getApi } from './api/client';
import { App } from './app/App';
import { AppStoreProvider, createAppStore } from './stores';
import './app/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

createRoot(root).render(
  <StrictMode>
    <AppStoreProvider store={createAppStore(getApi())}>
      <App />
    </AppStoreProvider>
  </StrictMode>,
);
