/**
 * Who the app is to the OS. The same values stand in package.json (productName, which names the
 * data folder and the bundle) and build/electron-builder.yml (appId); a test holds them equal.
 */
export const PRODUCT_NAME = 'Maestro';

/** The bundle / application id; on Windows also the AppUserModelId that toasts are shown under. */
export const APP_ID = 'app.maestro.desktop';
