import { execFile } from 'node:child_process';

/** GNOME Shell extensions that show StatusNotifier/AppIndicator icons, i.e. our tray. */
const APPINDICATOR_EXTENSIONS = ['appindicatorsupport@rgcjonas.gmail.com', 'ubuntu-appindicators@ubuntu.com'];

export interface DesktopEnvironment {
  platform: NodeJS.Platform;
  /** XDG_CURRENT_DESKTOP, e.g. "ubuntu:GNOME", "GNOME", "KDE". */
  currentDesktop: string | undefined;
  /** GNOME's enabled and disabled extensions, when they could be read. */
  gnomeExtensions: { enabled: string[]; disabled: string[] } | null;
}

/** XDG_CURRENT_DESKTOP names one desktop or several, colon-separated ("ubuntu:GNOME"). */
function desktopNames(currentDesktop: string | undefined): string[] {
  return (currentDesktop ?? '').toUpperCase().split(':');
}

/**
 * Pure: whether a tray icon will be seen, so closing the last window may leave Maestro running
 * in it. Electron cannot ask; plain GNOME hides tray icons unless an AppIndicator extension is
 * on (Ubuntu ships and enables one by default). When unsure on GNOME, say no: quitting with a
 * notice beats a process nobody can see or stop.
 */
export function trayIsVisible(env: DesktopEnvironment): boolean {
  if (env.platform === 'darwin' || env.platform === 'win32') return true;
  const desktops = desktopNames(env.currentDesktop);
  if (!desktops.includes('GNOME')) return true;
  const extensions = env.gnomeExtensions;
  if (extensions && APPINDICATOR_EXTENSIONS.some((id) => extensions.disabled.includes(id))) return false;
  if (desktops.includes('UBUNTU')) return true;
  return extensions !== null && APPINDICATOR_EXTENSIONS.some((id) => extensions.enabled.includes(id));
}

/** Parses gsettings' GVariant string list: "['a@b', 'c@d']" or "@as []". */
export function parseGsettingsList(output: string): string[] {
  return [...output.matchAll(/'([^']*)'/g)].map((match) => match[1]!);
}

function gsettingsList(key: string): Promise<string[] | null> {
  return new Promise((resolve) => {
    execFile('gsettings', ['get', 'org.gnome.shell', key], { timeout: 2_000 }, (error, stdout) =>
      resolve(error ? null : parseGsettingsList(stdout)),
    );
  });
}

/** Reads the environment the decision needs; only GNOME is asked anything. */
export async function readDesktopEnvironment(
  platform: NodeJS.Platform,
  currentDesktop: string | undefined,
): Promise<DesktopEnvironment> {
  if (platform !== 'linux' || !desktopNames(currentDesktop).includes('GNOME')) {
    return { platform, currentDesktop, gnomeExtensions: null };
  }
  const [enabled, disabled] = await Promise.all([
    gsettingsList('enabled-extensions'),
    gsettingsList('disabled-extensions'),
  ]);
  return {
    platform,
    currentDesktop,
    gnomeExtensions: enabled === null ? null : { enabled, disabled: disabled ?? [] },
  };
}
