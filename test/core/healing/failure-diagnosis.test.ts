import { describe, expect, it } from 'vitest';
import { diagnoseFailure } from '../../../src-main/core/healing/failure-diagnosis';

describe('failure diagnosis (reference §5.1, typed kinds first)', () => {
  it('trusts the typed kind of a render error over its wording', () => {
    expect(diagnoseFailure({ code: 'content_too_long', message: 'ffmpeg said something' })).toMatchObject({
      category: 'content_error',
      retryable: false,
    });
    expect(diagnoseFailure({ code: 'disk_full', message: null })).toMatchObject({
      category: 'setup_error',
      retryable: false,
    });
    expect(diagnoseFailure({ code: 'job_timeout', message: null })).toMatchObject({
      category: 'job_timeout',
      retryable: true,
    });
  });

  it("follows the reference's table on the message, first match wins", () => {
    const category = (message: string) => diagnoseFailure({ code: null, message }).category;
    expect(category('Error while opening encoder for output stream')).toBe('ffmpeg_encoder');
    expect(category('Resource temporarily unavailable')).toBe('ffmpeg_resource');
    expect(category('Cannot allocate memory')).toBe('ffmpeg_memory');
    expect(category('Video not found')).toBe('ffmpeg_other');
    // "BRAND_TIMEOUT" contains "timeout": a transient API error in the reference.
    expect(category('BRAND_TIMEOUT for healthy-college')).toBe('api_error');
    expect(category('HTTP 429 from the images API')).toBe('api_error');
    expect(category('content_lines is empty')).toBe('content_error');
    expect(category('ENOENT: no such file or directory')).toBe('file_not_found');
    expect(diagnoseFailure({ code: null, message: 'something odd' })).toMatchObject({
      category: 'unknown',
      retryable: true,
    });
    expect(diagnoseFailure({ code: null, message: 'no such file' }).retryable).toBe(false);
  });
});
