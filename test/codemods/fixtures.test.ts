import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyTransform } from 'jscodeshift/src/testUtils';
import { runCodemod, type CodemodName } from '../../codemods/engine';
import { codemodNames, codemods, codemodsMarkdownList } from '../../codemods/registry';
import { lintWith, parsersFor, valueTexts } from './lint';
import { rulesFor } from '../../codemods/registry';
import { MARKER_PREFIX } from '../../codemods/analysis/edit';
import envServiceUrl from '../../codemods/env-service-url';
import verifyTls from '../../codemods/verify-tls';
import removeEnvironmentBranching from '../../codemods/remove-environment-branching';
import all from '../../codemods/all';

const transforms: Record<string, unknown> = { 'env-service-url': envServiceUrl, 'verify-tls': verifyTls, 'remove-environment-branching': removeEnvironmentBranching, all };

const root = join(__dirname, 'fixtures');

/**
 * Every `<case>.input.<ext>` with its `<case>.output.<ext>`, per codemod folder and its
 * subfolders. `file` is the name the codemod and the rules see: without `.input`, so a tool's
 * config file keeps its conventional name (`knexfile.js`, `config/config.js`).
 */
export function fixtureCases(codemod: string): Array<{ name: string; input: string; output: string; file: string }> {
  const dir = join(root, codemod);
  const walk = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(folder, e.name)) : [join(folder, e.name)]));
  return walk(dir)
    .filter((f) => f.includes('.input.'))
    .sort()
    .map((path) => ({
      name: relative(dir, path).replace('.input', ''),
      file: join(codemod, relative(dir, path).replace('.input.', '.')),
      input: readFileSync(path, 'utf8'),
      output: readFileSync(path.replace('.input.', '.output.'), 'utf8'),
    }));
}

/** Lines where a marker's statement sits (the marker line up to the next blank line). */
function markedLines(code: string): Set<number> {
  const lines = code.split('\n');
  const marked = new Set<number>();
  lines.forEach((line, i) => {
    if (!line.includes(MARKER_PREFIX)) return;
    for (let k = i; k < lines.length && lines[k]!.trim() !== ''; k++) marked.add(k + 1);
  });
  return marked;
}

for (const codemod of codemodNames) {
  describe(`codemod ${codemod}`, () => {
    const cases = fixtureCases(codemod);
    it('has fixtures', () => {
      expect(cases.length).toBeGreaterThan(3);
    });
    for (const c of cases) {
      describe(c.name, () => {
        it('produces the expected output', () => {
          expect(runCodemod(codemod as CodemodName, c.input, c.file).output).toBe(c.output);
        });

        it('is idempotent', () => {
          const again = runCodemod(codemod as CodemodName, c.output, c.file);
          expect(again.changed).toBe(false);
          expect(again.output).toBe(c.output);
        });

        it('leaves at most one marker per statement', () => {
          const once = runCodemod(codemod as CodemodName, c.output, c.file).output;
          expect(once.split(MARKER_PREFIX).length).toBe(c.output.split(MARKER_PREFIX).length);
        });

        it('writes no secret of the input into a marker', () => {
          for (const line of c.output.split('\n').filter((l) => l.includes(MARKER_PREFIX))) {
            expect(line).not.toMatch(/pw|password'|s3cr3t|hunter2/);
          }
        });

        // Parity: the rules the codemod addresses report on a changed input and are silent
        // on its output, except at markers, under every parser the file can be linted with.
        for (const parser of parsersFor(c.file)) {
          it(`leaves code the rules accept (${parser})`, () => {
            const rules = rulesFor(codemod as CodemodName);
            const before = lintWith(rules, c.input, c.file, parser);
            const after = lintWith(rules, c.output, c.file, parser);
            expect(after.filter((m) => m.ruleId === null)).toEqual([]);
            if (c.output !== c.input) expect(before.length).toBeGreaterThan(0);
            const marked = markedLines(c.output);
            expect(after.filter((m) => !marked.has(m.line)).map((m) => `${m.line} ${m.ruleId}: ${m.message}`)).toEqual([]);
          });
        }

        if (c.file.endsWith('.json')) {
          it('writes JSON', () => {
            expect(() => JSON.parse(c.output) as unknown).not.toThrow();
          });
        }

        if (codemod === 'env-service-url' || codemod === 'all') {
          it('keeps no secret of the input, not even in a marked statement or a comment', () => {
            const { secrets } = runCodemod(codemod as CodemodName, c.input, c.file);
            const texts = valueTexts(c.output, c.file);
            for (const secret of secrets) expect(texts.filter((t) => t.includes(secret))).toEqual([]);
          });
        }
      });
    }
  });
}

describe('jscodeshift entry points', () => {
  for (const codemod of codemodNames) {
    it(`${codemod} runs through jscodeshift's testUtils`, () => {
      const c = fixtureCases(codemod)[0]!;
      const output = applyTransform({ default: transforms[codemod] } as never, {}, { source: c.input, path: c.file });
      expect(output).toBe(c.output.trim());
    });
  }

  it('takes --envVar from jscodeshift options', () => {
    const output = applyTransform({ default: envServiceUrl } as never, { envVar: 'postgres=PRIMARY_DB_URL' }, { source: "import { Pool } from 'pg';\nexport const pool = new Pool({ host: 'db.internal' });\n", path: 'db.ts' });
    expect(output).toContain('process.env.PRIMARY_DB_URL');
  });
});

describe('engine', () => {
  it('skips files that mention no client library without parsing them', () => {
    const source = 'export const x = ;; not even valid';
    expect(runCodemod('all', source, 'x.ts')).toEqual({ output: source, changed: false, sites: 0, markers: 0, markerNotes: [], variables: [], secrets: [] });
  });

  it('leaves a file the rules cannot parse untouched and says why, so the runner can report it', () => {
    const source = "import { Pool } from 'pg';\nconst = ;";
    const result = runCodemod('all', source, 'bad.ts');
    expect(result.changed).toBe(false);
    expect(result.output).toBe(source);
    expect(result.skipped).toMatch(/./);
  });

  it('keeps double quotes in a double-quoted file', () => {
    const out = runCodemod('verify-tls', 'import postgres from "postgres";\nexport const sql = postgres(process.env.DATABASE_URL, { ssl: "require" });\n', 'a.js').output;
    expect(out).toContain('ssl: "verify-full"');
  });

  it('names clients of one service after their variables', () => {
    const out = runCodemod('env-service-url', "import Redis from 'ioredis';\nconst cacheRedis = new Redis('rediss://a.internal');\nconst queueRedis = new Redis('rediss://b.internal');\n", 'r.js');
    expect(out.variables.map((v) => v.name)).toEqual(['CACHE_REDIS_URL', 'QUEUE_REDIS_URL']);
  });

  it('never copies a value from the code into the variables it reports', () => {
    const c = fixtureCases('all').find((f) => f.name.startsWith('app'))!;
    const result = runCodemod('all', c.input, c.file);
    expect(JSON.stringify(result.variables)).not.toMatch(/orders-pw|mail-pw|internal/);
  });
});

describe('registry', () => {
  it('has a doc page per codemod and lists them for the README', () => {
    for (const c of codemods) expect(existsSync(join(__dirname, '../../docs/codemods', `${c.name}.md`))).toBe(true);
    expect(codemodsMarkdownList()).toContain('[`verify-tls`](docs/codemods/verify-tls.md)');
  });
});
