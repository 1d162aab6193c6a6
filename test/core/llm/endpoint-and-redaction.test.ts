import { describe, expect, it } from 'vitest';
import { hostOf, isLocalBaseUrl } from '../../../src-main/core/llm/endpoint';
import { redactSecrets } from '../../../src-main/core/llm/redact';

describe('isLocalBaseUrl: where an empty API key is fine', () => {
  it.each([
    'http://localhost:11434/v1',
    'http://127.0.0.1:1234/v1',
    'http://127.8.9.10/v1',
    'http://[::1]:11434/v1',
    'http://192.168.1.20:1234/v1',
    'http://10.0.0.5:11434/v1',
    'http://172.16.0.9/v1',
    'http://172.31.255.1/v1',
    'http://ollama.local:11434/v1',
    'http://box.localhost/v1',
  ])('%s is local', (url) => {
    expect(isLocalBaseUrl(url)).toBe(true);
  });

  it.each([
    'https://api.deepseek.com/v1',
    'https://api.openai.com/v1',
    'http://172.32.0.1/v1',
    'http://8.8.8.8/v1',
    'http://localhost.example.com/v1',
    'http://[2001:db8::1]/v1',
    'not a url',
  ])('%s is not', (url) => {
    expect(isLocalBaseUrl(url)).toBe(false);
  });

  it('shows host and port only', () => {
    expect(hostOf('http://127.0.0.1:1234/v1')).toBe('127.0.0.1:1234');
    expect(hostOf('https://api.deepseek.com/v1')).toBe('api.deepseek.com');
  });
});

describe('redactSecrets', () => {
  it('removes the key, bearer tokens and sk- shaped keys', () => {
    const key = 'my-custom-key-123456';
    expect(redactSecrets(`key ${key} twice ${key}`, [key])).toBe('key [redacted] twice [redacted]');
    expect(redactSecrets('Authorization: Bearer abc.def-ghi', [])).toBe('Authorization: Bearer [redacted]');
    expect(redactSecrets('Incorrect API key provided: sk-abcdef0123456789', [])).toBe(
      'Incorrect API key provided: [redacted]',
    );
  });

  it('leaves ordinary text and missing or tiny secrets alone', () => {
    expect(redactSecrets('503 Service Unavailable', [undefined, 'ab'])).toBe('503 Service Unavailable');
  });
});
