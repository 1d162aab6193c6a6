import OpenAI from 'openai';
import { AppError } from '../contract/errors';
import type { LlmOutcome, LlmUsage } from '../contract/llm';
import type { Clock } from '../ports/clock';
import type { LlmClient, LlmJsonRequest } from '../ports/llm';
import type { Random } from '../ports/random';
import type { SecretStore } from '../secrets/secret-store';
import type { SettingsService } from '../settings/settings-service';
import { classifyFailure, type AttemptFailure } from './attempt-failure';
import { llmDefaults } from './defaults';
import { hostOf, isLocalBaseUrl, type LlmEndpoint } from './endpoint';
import { parseJsonAnswer } from './json-answer';
import { estimateCostUsd, noTokens, readTokenUsage, type TokenUsage } from './pricing';
import { redactSecrets } from './redact';
import { backoffDelayMs, realSleep, type Sleep } from './retry';
import { Semaphore } from './semaphore';
import { LlmUsageLedger } from './usage-ledger';

export type Fetch = typeof globalThis.fetch;

export interface OpenAiLlmClientDeps {
  ledger: LlmUsageLedger;
  clock: Clock;
  random: Random;
  settings: Pick<SettingsService, 'values'>;
  secrets: Pick<SecretStore, 'reveal'>;
  /** Waits between attempts; tests pass a recorder so nothing really sleeps. */
  sleep?: Sleep;
  /** The HTTP client the OpenAI SDK uses; defaults to Node's fetch. */
  fetch?: Fetch;
  maxAttempts?: number;
}

type AttemptResult =
  | { kind: 'answer'; completion: OpenAI.ChatCompletion; latencyMs: number }
  | { kind: 'failure'; failure: AttemptFailure; latencyMs: number };

/**
 * The core's LLM: any OpenAI-compatible chat-completions server through the official SDK.
 * Endpoint, model, key, timeout, concurrency and budgets are read on every call, so a change
 * in Settings applies to the next call. The SDK's own retries are off: this class retries
 * (429, 5xx, timeouts, connection errors; Retry-After honoured) so that every attempt is
 * written to api_usage and every wait goes through the injected sleep.
 */
export class OpenAiLlmClient implements LlmClient {
  private readonly semaphore = new Semaphore();
  /** Base URLs whose server refused JSON mode (LM Studio does); later calls there go without it. */
  private readonly jsonModeRefusedBy = new Set<string>();
  private readonly sleep: Sleep;
  private readonly maxAttempts: number;

  constructor(private readonly deps: OpenAiLlmClientDeps) {
    this.sleep = deps.sleep ?? realSleep;
    this.maxAttempts = Math.max(1, Math.floor(deps.maxAttempts ?? llmDefaults.maxAttempts));
  }

  /** Calls waiting for a free slot and calls in flight, for diagnostics. */
  get load(): { active: number; queued: number } {
    return { active: this.semaphore.active, queued: this.semaphore.queued };
  }

  async completeJson<T>(request: LlmJsonRequest<T>): Promise<T> {
    const endpoint = await this.readEndpoint();
    if (!endpoint.apiKey && !isLocalBaseUrl(endpoint.baseUrl)) {
      const message =
        `No LLM API key is set for ${endpoint.host}. Add the API key in Settings, or point the ` +
        `LLM base URL at a server on this machine or network (Ollama, LM Studio) that needs none.`;
      await this.record(request, endpoint, { outcome: 'error', error: message });
      throw new AppError('unavailable', message, { operation: request.operation, host: endpoint.host });
    }
    // A call keeps its slot while it waits to retry: a rate-limited server then sees fewer requests.
    return this.semaphore.run(endpoint.maxConcurrency, () => this.callWithRetries(request, endpoint));
  }

  async usageSummary(): Promise<LlmUsage> {
    const endpoint = await this.readEndpoint({ withKey: false });
    return this.deps.ledger.summary(endpoint.budget);
  }

  private async readEndpoint(options: { withKey?: boolean } = {}): Promise<LlmEndpoint> {
    const { values } = await this.deps.settings.values();
    const apiKey = options.withKey === false ? undefined : await this.deps.secrets.reveal('llm.apiKey');
    return {
      baseUrl: values.llmBaseUrl,
      host: hostOf(values.llmBaseUrl),
      model: values.llmModel,
      apiKey: apiKey?.trim() ? apiKey.trim() : undefined,
      timeoutMs: values.llmTimeoutMs,
      maxConcurrency: values.llmMaxConcurrency,
      budget: { dailyUsd: values.llmDailyBudgetUsd, hourlyUsd: values.llmHourlyBudgetUsd },
    };
  }

  private async callWithRetries<T>(request: LlmJsonRequest<T>, endpoint: LlmEndpoint): Promise<T> {
    const verdict = await this.deps.ledger.budget(endpoint.budget);
    if (verdict.blocked) {
      const reason = verdict.blockedReason!;
      await this.record(request, endpoint, { outcome: 'budget_exhausted', error: reason });
      throw new AppError('budget_exhausted', reason, {
        operation: request.operation,
        day: verdict.day,
        hour: verdict.hour,
      });
    }

    let jsonMode = !this.jsonModeRefusedBy.has(endpoint.baseUrl);
    let attempts = 0;
    let last: AttemptFailure | undefined;
    while (attempts < this.maxAttempts) {
      attempts += 1;
      const result = await this.attempt(request, endpoint, jsonMode);
      if (result.kind === 'answer') return this.acceptAnswer(request, endpoint, result, attempts);

      last = result.failure;
      const error = this.redact(`${last.message}${last.status ? ` [HTTP ${last.status}]` : ''}`, endpoint);
      await this.record(request, endpoint, { outcome: last.outcome, error, latencyMs: result.latencyMs });
      if (last.jsonModeRejected && jsonMode) {
        // Not the server's fault nor a retry: the same request again, without response_format.
        jsonMode = false;
        this.jsonModeRefusedBy.add(endpoint.baseUrl);
        attempts -= 1;
        continue;
      }
      if (!last.retryable || attempts >= this.maxAttempts) break;
      if (last.retryAfterMs !== undefined && last.retryAfterMs > llmDefaults.maxRetryAfterMs) {
        throw this.failed(
          request,
          endpoint,
          last,
          attempts,
          `${endpoint.host} asked to wait ${Math.ceil(last.retryAfterMs / 1000)} s before trying again, ` +
            `longer than the ${llmDefaults.maxRetryAfterMs / 1000} s the app waits`,
        );
      }
      await this.sleep(last.retryAfterMs ?? backoffDelayMs(attempts, this.deps.random, llmDefaults));
    }
    const summary =
      last!.retryable && attempts > 1
        ? `${endpoint.host} still failed after ${attempts} attempts: ${last!.message}`
        : last!.message;
    throw this.failed(request, endpoint, last!, attempts, summary);
  }

  private async attempt<T>(
    request: LlmJsonRequest<T>,
    endpoint: LlmEndpoint,
    jsonMode: boolean,
  ): Promise<AttemptResult> {
    const { clock } = this.deps;
    const startedAt = clock.now().getTime();
    // Our own timer covers the whole exchange, the body included; the SDK's covers only the headers.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, endpoint.timeoutMs);
    try {
      const completion = await this.sdk(endpoint).chat.completions.create(
        this.body(request, endpoint, jsonMode),
        {
          signal: controller.signal,
          timeout: endpoint.timeoutMs,
          maxRetries: 0,
        },
      );
      return { kind: 'answer', completion, latencyMs: clock.now().getTime() - startedAt };
    } catch (error) {
      const failure = classifyFailure(error, { timedOut, host: endpoint.host, now: clock.now() });
      return { kind: 'failure', failure, latencyMs: clock.now().getTime() - startedAt };
    } finally {
      clearTimeout(timer);
    }
  }

  private sdk(endpoint: LlmEndpoint): OpenAI {
    return new OpenAI({
      baseURL: endpoint.baseUrl,
      // The SDK insists on a key; without one we send no Authorization header at all.
      apiKey: endpoint.apiKey ?? 'no-key',
      ...(endpoint.apiKey ? {} : { defaultHeaders: { Authorization: null } }),
      // Never pick up OPENAI_* variables from the environment: Settings is the one source.
      organization: null,
      project: null,
      maxRetries: 0,
      timeout: endpoint.timeoutMs,
      ...(this.deps.fetch ? { fetch: this.deps.fetch } : {}),
    });
  }

  private body<T>(
    request: LlmJsonRequest<T>,
    endpoint: LlmEndpoint,
    jsonMode: boolean,
  ): OpenAI.ChatCompletionCreateParamsNonStreaming {
    const mentionsJson = /json/i.test(request.system) || /json/i.test(request.user);
    const system = mentionsJson
      ? request.system
      : [request.system, llmDefaults.jsonInstruction].filter((part) => part.trim()).join('\n\n');
    return {
      model: endpoint.model,
      messages: [
        { role: 'system', content: system },
        { role: 'user', content: request.user },
      ],
      temperature: request.temperature,
      max_tokens: request.maxTokens,
      ...(jsonMode ? { response_format: { type: 'json_object' as const } } : {}),
    };
  }

  private async acceptAnswer<T>(
    request: LlmJsonRequest<T>,
    endpoint: LlmEndpoint,
    result: Extract<AttemptResult, { kind: 'answer' }>,
    attempts: number,
  ): Promise<T> {
    const choice = result.completion.choices?.[0];
    const usage = readTokenUsage(result.completion.usage);
    const parsed = parseJsonAnswer(choice?.message?.content, request.schema);
    if (parsed.ok) {
      await this.record(request, endpoint, {
        outcome: parsed.repaired ? 'repaired' : 'ok',
        usage,
        latencyMs: result.latencyMs,
      });
      return parsed.value;
    }
    const cutOff = choice?.finish_reason === 'length' ? ' (the answer was cut off at max_tokens)' : '';
    const reason = this.redact(`${parsed.reason}${cutOff}`, endpoint);
    await this.record(request, endpoint, {
      outcome: 'bad_json',
      usage,
      latencyMs: result.latencyMs,
      error: reason,
    });
    throw new AppError('llm_failed', `The LLM's answer for ${request.operation} was unusable: ${reason}.`, {
      operation: request.operation,
      outcome: 'bad_json',
      attempts,
    });
  }

  private failed<T>(
    request: LlmJsonRequest<T>,
    endpoint: LlmEndpoint,
    failure: AttemptFailure,
    attempts: number,
    summary: string,
  ): AppError {
    return new AppError(
      'llm_failed',
      this.redact(`LLM call for ${request.operation} failed: ${summary}`, endpoint),
      {
        operation: request.operation,
        outcome: failure.outcome,
        attempts,
        status: failure.status,
      },
    );
  }

  private redact(text: string, endpoint: LlmEndpoint): string {
    return redactSecrets(text, [endpoint.apiKey]);
  }

  private record<T>(
    request: LlmJsonRequest<T>,
    endpoint: LlmEndpoint,
    entry: { outcome: LlmOutcome; usage?: TokenUsage; latencyMs?: number; error?: string },
  ): Promise<void> {
    const usage = entry.usage ?? noTokens;
    return this.deps.ledger.record({
      operation: request.operation,
      model: endpoint.model,
      agentId: request.agentId ?? null,
      tokensIn: usage.promptTokens,
      tokensOut: usage.completionTokens,
      latencyMs: entry.latencyMs ?? 0,
      outcome: entry.outcome,
      costUsd: estimateCostUsd(endpoint.model, usage),
      error: entry.error === undefined ? null : this.redact(entry.error, endpoint),
    });
  }
}
