import { app } from 'electron';
import { desktopBridgeDataDir, runStdioBridge } from '../mcp/stdio-bridge';
import { runDesktopApp } from './desktop-app';

// `Maestro --mcp-stdio --data-dir DIR`, started by an AI assistant's MCP client: no window, no
// tray, no single-instance lock, only the stdio bridge to the running app (src-main/mcp/).
const bridgeDataDir = desktopBridgeDataDir(process.argv);
if (bridgeDataDir !== undefined) {
  app.dock?.hide();
  runStdioBridge({
    dataDir: bridgeDataDir ?? process.env.MAESTRO_DATA_DIR ?? app.getPath('userData'),
    version: app.getVersion(),
  }).catch((error: unknown) => {
    console.error(`Maestro MCP could not start.\n${String((error as Error)?.stack ?? error)}`);
    app.exit(1);
  });
} else {
  void runDesktopApp();
}
