import { rmSync } from 'node:fs';
import type { Browser, BrowserContextOptions, Page } from 'playwright';
import { startFakeOpenAi, type FakeOpenAi, type FakeOpenAiOptions } from '../fakes/fake-openai-server';
import { callOperation } from '../helpers/serve-process';
import { launchBrowser, makeDataDir, startServer, type RunningServer } from './helpers';

/**
 * The setup most browser journeys share: a throwaway data folder, the headless server on it, the
 * contract called directly to set the scene, and Chromium with one page. `close` undoes all of it.
 */

export interface JourneyBrand {
  id: string;
  displayName: string;
  colors?: { primary: string; accent: string };
  [field: string]: unknown;
}

export interface JourneyOptions {
  /** Answers of a fake OpenAI-compatible LLM; when given, the server is pointed at it with a key. */
  llm?: FakeOpenAiOptions['respond'];
  /** Saved with `settings.set` (after the LLM's address, so a journey may override it). */
  settings?: Record<string, unknown>;
  /** Stored with `secrets.set`, key → value. */
  secrets?: Record<string, string>;
  /** Created with `brands.create`, in order; colours default to teal and orange. */
  brands?: JourneyBrand[];
  /** Runs on the data folder before the server opens it (e.g. to seed a database). */
  prepare?: (dataDir: string) => Promise<void> | void;
  /** Extra command-line arguments and environment variables for the server. */
  serverArgs?: string[];
  env?: Record<string, string>;
  /** For the one page opened; a wide window unless told otherwise. */
  page?: BrowserContextOptions;
}

export interface Journey {
  dataDir: string;
  server: RunningServer;
  /** Present when `llm` was given. */
  fake: FakeOpenAi | undefined;
  browser: Browser;
  page: Page;
  /** Calls an operation over HTTP, as any client would; a refusal throws with the core's error. */
  call<T = unknown>(name: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

const DEFAULT_COLORS = { primary: '#0f766e', accent: '#f97316' };
const DEFAULT_PAGE: BrowserContextOptions = { viewport: { width: 1400, height: 1000 } };

export async function openJourney(options: JourneyOptions = {}): Promise<Journey> {
  const dataDir = makeDataDir();
  let fake: FakeOpenAi | undefined;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  async function close(): Promise<void> {
    await browser?.close();
    await server?.stop();
    await fake?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }

  async function call<T = unknown>(name: string, body: unknown = {}): Promise<T> {
    const { body: result } = await callOperation(server!.base, server!.token, name, body);
    if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
    return result.value as T;
  }

  try {
    if (options.llm) fake = await startFakeOpenAi({ respond: options.llm });
    await options.prepare?.(dataDir);
    server = await startServer(dataDir, { args: options.serverArgs, env: options.env });
    const settings = { ...(fake && { llmBaseUrl: fake.baseUrl }), ...options.settings };
    if (Object.keys(settings).length > 0) await call('settings.set', { values: settings });
    const secrets = { ...(fake && { 'llm.apiKey': 'sk-e2e-journey' }), ...options.secrets };
    for (const [key, value] of Object.entries(secrets)) await call('secrets.set', { key, value });
    for (const brand of options.brands ?? [])
      await call('brands.create', { colors: DEFAULT_COLORS, ...brand });
    browser = await launchBrowser();
    const page = await browser.newPage(options.page ?? DEFAULT_PAGE);
    return { dataDir, server, fake, browser, page, call, close };
  } catch (error) {
    // A setup that fails half way must not leave a server or a fake running for the next file.
    await close().catch(() => undefined);
    throw error;
  }
}
