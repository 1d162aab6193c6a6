import { runDesktopApp } from './desktop-app';

void runDesktopApp();
