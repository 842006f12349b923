// Where the shared per-file analysis spends its time: each step of the gate and of the analysis
// after it, timed the first time a file asks for it (as the rules ask, cold), summed over the
// bench corpus in one process. A diagnosis for `TIMING`, which charges all of it to the first
// rule that asks; not part of `npm run bench`.
//
//   npm run build && node bench/analysis-steps.mjs [--limit N] [--passes N]
//
// Steps run in order, each on what the earlier ones computed, so each figure is what that step
// adds. The first pass warms the JIT; the last one is printed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { listCorpus, ROOT, sourceTypeOf } from './corpus.mjs';
import { option } from './options.mjs';

const require = createRequire(import.meta.url);
const { Linter } = require('eslint');
const tsParser = require('@typescript-eslint/parser');
const { FileAnalysis } = require(join(ROOT, 'dist/src/analysis/file-analysis.js'));
const { configFileConvention } = require(join(ROOT, 'dist/src/analysis/config-files.js'));
const { catalog } = require(join(ROOT, 'dist/src/catalog/index.js'));
const mayHoldConfigurationText = require(join(ROOT, 'dist/src/policy/configuration-text.js')).configurationTextTest(catalog);

const limit = Number(option('--limit') ?? 0) || undefined;
const passes = Number(option('--passes') ?? 2);
const { files } = listCorpus({ limit });

/** Each step reads one getter of a fresh `FileAnalysis` (or the rule context itself). */
const STEPS = [
  ['context and AST', (context) => context.sourceCode.ast.body.length],
  ['FileAnalysis', (context) => new FileAnalysis(context)],
  ['global references', (_, a) => a.globals],
  ['import specifiers', (_, a) => a.importSpecifiers],
  ['imported modules', (_, a) => a.importedModules],
  ['catalog module test', (_, a) => a.namesCatalogModule],
  ['config-file name', (context) => configFileConvention(context.filename)],
  ['configuration text test', (context) => mayHoldConfigurationText(context.sourceCode.text)],
  ['may hold configuration (the two above again, then exports)', (_, a) => a.mayHoldConfiguration],
  ['may read the environment', (_, a) => a.mayReadEnvironment],
  ['sites (files past the gate)', (_, a) => (a.mayHoldConfiguration ? a.sites : undefined)],
  ['env reads (files past the gate)', (_, a) => (a.mayHoldConfiguration || a.mayReadEnvironment ? a.serverEnvReads : undefined)],
  ['named settings (files past the gate)', (_, a) => (a.mayHoldConfiguration || a.mayReadEnvironment ? a.namedSettings : undefined)],
];
const totals = new Map(STEPS.map(([name]) => [name, 0]));

const probe = {
  create(context) {
    let analysis;
    for (const [name, step] of STEPS) {
      const started = performance.now();
      const result = step(context, analysis);
      totals.set(name, totals.get(name) + performance.now() - started);
      if (result instanceof FileAnalysis) analysis = result;
    }
    return {};
  },
};

const linter = new Linter({ configType: 'flat', cwd: ROOT });
const config = [
  { ignores: ['!**/node_modules/'] },
  { files: ['**/*.js', '**/*.cjs', '**/*.mjs', '**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'] },
  { files: ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'], languageOptions: { parser: tsParser } },
  { plugins: { steps: { rules: { probe } } }, rules: { 'steps/probe': 'error' } },
];
const sourceTypes = new Map();
const texts = files.map((file) => readFileSync(file, 'utf8'));
for (let pass = 1; pass <= passes; pass++) {
  for (const name of totals.keys()) totals.set(name, 0);
  files.forEach((file, i) => {
    const sourceType = sourceTypeOf(file, sourceTypes);
    linter.verify(texts[i], [...config, { files: ['**/*'], languageOptions: { sourceType } }], { filename: file });
  });
}
console.log(`${files.length} files, pass ${passes} of ${passes} (ms, summed over the files):`);
for (const [name, ms] of totals) console.log(`${ms.toFixed(1).padStart(9)}  ${name}`);
