import { describe, expect, it } from 'vitest';
import {
  clientConfigOf,
  desktopLaunch,
  stdioEntryBeside,
  stdioLaunch,
} from '../../src-main/mcp/client-config';
import { desktopBridgeDataDir } from '../../src-main/mcp/stdio-bridge';

describe('the configuration an MCP client is given', () => {
  it('starts the built entry with Node for the headless server', () => {
    expect(
      clientConfigOf(
        stdioLaunch({
          execPath: '/usr/bin/node',
          entry: stdioEntryBeside('/srv/maestro/out/main'),
          dataDir: '/data',
        }),
      ),
    ).toEqual({
      mcpServers: {
        maestro: { command: '/usr/bin/node', args: ['/srv/maestro/out/main/mcp.js', '--data-dir', '/data'] },
      },
    });
  });

  it('starts the desktop executable itself with --mcp-stdio (installed), or Electron with the app folder (development)', () => {
    expect(
      desktopLaunch({
        execPath: '/Applications/Maestro.app/Contents/MacOS/Maestro',
        appPath: null,
        dataDir: '/d',
      }),
    ).toEqual({
      command: '/Applications/Maestro.app/Contents/MacOS/Maestro',
      args: ['--mcp-stdio', '--data-dir', '/d'],
    });
    expect(
      desktopLaunch({
        execPath: '/repo/node_modules/electron/dist/electron',
        appPath: '/repo',
        dataDir: '/d',
      }),
    ).toEqual({
      command: '/repo/node_modules/electron/dist/electron',
      args: ['/repo', '--mcp-stdio', '--data-dir', '/d'],
    });
  });

  it('recognises the desktop bridge launch among the switches Electron and launchers add', () => {
    expect(desktopBridgeDataDir(['/opt/Maestro/maestro'])).toBeUndefined();
    expect(
      desktopBridgeDataDir(['/opt/Maestro/maestro', '--no-sandbox', '--mcp-stdio', '--data-dir', '/d']),
    ).toBe('/d');
    expect(desktopBridgeDataDir(['electron', '/repo', '--mcp-stdio', '--data-dir=/with space'])).toBe(
      '/with space',
    );
    // No folder given: the app's own data folder is used.
    expect(desktopBridgeDataDir(['/opt/Maestro/maestro', '--mcp-stdio'])).toBeNull();
  });
});
