import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge } from './bridge';
import { buildDesktopBridge } from './desktop-bridge';

contextBridge.exposeInMainWorld('maestro', buildBridge(ipcRenderer));
contextBridge.exposeInMainWorld('maestroDesktop', buildDesktopBridge(ipcRenderer));
