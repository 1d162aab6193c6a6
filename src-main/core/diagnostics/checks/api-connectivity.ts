import { hostOf, isLocalBaseUrl } from '../../llm/endpoint';
import { LLM_SERVICE } from '../../llm/usage-ledger';
import { diagnosticsDefaults } from '../defaults';
import { HOUR_MS } from '../../ports/clock';
import { plural } from '../../wording';
import { type LlmSettingsFacts, type SystemCheck, type Verdict } from './check';

/** Outcomes of an LLM attempt that got an answer. */
const answered = new Set(['ok', 'repaired', 'bad_json']);

export interface ApiFacts extends LlmSettingsFacts {
  /** The latest LLM attempts of the last day, newest first (what the ledger recorded: no new call). */
  recent: ReadonlyArray<{ outcome: string; error: string | null }>;
}

/**
 * Reference §5.2 #7 without a network call, on this app's settings: the key is required only for
 * a server outside this machine and network (Ollama, LM Studio need none); then what the last
 * recorded attempts and the budget say.
 */
export function judgeApi(f: ApiFacts): Verdict {
  const { minKeyLength, recentAttempts } = diagnosticsDefaults.api;
  let url: URL | null;
  try {
    url = new URL(f.baseUrl);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:'))
    return {
      status: 'fail',
      detail: `The LLM base URL "${f.baseUrl}" is not an http(s) address: fix it in Settings.`,
    };
  const host = hostOf(f.baseUrl);
  const local = isLocalBaseUrl(f.baseUrl);
  if (!local && f.keyLength === 0)
    return {
      status: 'fail',
      detail: `No LLM API key for ${host}: agents and the examiner cannot write. Add it in Settings (or use a server on this machine, which needs none).`,
    };
  const key =
    local && f.keyLength === 0 ? 'a local server, no key needed' : `key set (${f.keyLength} characters)`;
  const summary = `${host}, model ${f.model}, ${key}`;
  if (!local && f.keyLength < minKeyLength)
    return { status: 'warn', detail: `${summary}: too short to be a real key; check it in Settings.` };
  if (f.budgetBlocked)
    return { status: 'warn', detail: `${summary}; new calls are refused: ${f.budgetBlocked}` };
  const failedInARow = f.recent.findIndex((a) => answered.has(a.outcome));
  const failing = failedInARow === -1 ? f.recent.length : failedInARow;
  if (failing >= recentAttempts) {
    const last = f.recent[0]?.error ? `: ${f.recent[0].error.slice(0, 200)}` : '';
    return { status: 'warn', detail: `${summary}; the last ${failing} calls got no answer${last}` };
  }
  const calls =
    f.recent.length === 0
      ? 'no call in the last day'
      : failing === 0
        ? 'the last call was answered'
        : `the last ${plural(failing, 'call')} got no answer, the one before was answered`;
  return { status: 'pass', detail: `${summary}; ${calls}.` };
}

export const apiConnectivityCheck: SystemCheck = {
  name: 'api_connectivity',
  async run({ db, now, llm }) {
    const { recentAttempts, recentWindowHours } = diagnosticsDefaults.api;
    const [settings, recent] = await Promise.all([
      llm(),
      db
        .selectFrom('api_usage')
        .select(['outcome', 'error'])
        .where('service', '=', LLM_SERVICE)
        .where('created_at', '>=', new Date(now.getTime() - recentWindowHours * HOUR_MS).toISOString())
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(recentAttempts)
        .execute(),
    ]);
    return judgeApi({ ...settings, recent });
  },
};
