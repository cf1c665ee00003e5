// The sandboxed preload: exposes window.khaosat (one frozen function per operation) and nothing
// else — never ipcRenderer, never a generic invoke.
import { contextBridge, ipcRenderer } from 'electron';
import { buildKhaosatApi } from './bridge';

contextBridge.exposeInMainWorld(
  'khaosat',
  buildKhaosatApi((channel, request) => ipcRenderer.invoke(channel, request)),
);
