/**
 * A configuration module chosen by environment (`require('./prod')` or `require('./dev')`):
 * the codemods keep production's module, as the rule reads the modules from disk
 * (test/rules/fixtures/module-choice).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCodemod } from '../../codemods/engine';

const dir = join(__dirname, '..', 'rules', 'fixtures', 'module-choice');

describe('configuration modules chosen by environment', () => {
  it("keeps production's module from the paths of an if", () => {
    const input = "if (process.env.NODE_ENV === 'production') {\n  module.exports = require('./prod');\n} else {\n  module.exports = require('./dev');\n}\n";
    const result = runCodemod('remove-environment-branching', input, join(dir, 'keys.js'));
    expect(result.output).toBe("module.exports = require('./prod');\n");
    expect(result.markers).toBe(0);
  });

  it('drops the development pick of a variable the exports read', () => {
    const input = "const isDev = process.env.NODE_ENV !== 'production';\nconst dev = require('./dev');\nconst prod = require('./prod');\nlet config = prod;\nif (isDev) {\n  config = dev;\n}\nmodule.exports = { ...config };\n";
    const result = runCodemod('all', input, join(dir, 'index.js'));
    expect(result.output).toBe("const isDev = process.env.NODE_ENV !== 'production';\nconst dev = require('./dev');\nconst prod = require('./prod');\nlet config = prod;\nmodule.exports = { ...config };\n");
  });

  it("keeps the option object a cloud deployment gets when a locality flag chooses between imported ones", () => {
    const input = "const mongoose = require('mongoose');\nconst { localDbOptions, serverDbOptions } = require('./db-options');\nmongoose.connect(process.env.MONGODB_URI, process.env.IS_LOCAL_DATABASE ? localDbOptions : serverDbOptions);\n";
    const result = runCodemod('remove-environment-branching', input, join(dir, 'database.js'));
    expect(result.output).toBe("const mongoose = require('mongoose');\nconst { localDbOptions, serverDbOptions } = require('./db-options');\nmongoose.connect(process.env.MONGODB_URI, serverDbOptions);\n");
    expect(result.markers).toBe(0);
  });

  it('leaves a choice between modules without service configuration alone', () => {
    const input = "module.exports = process.env.NODE_ENV === 'production' ? require('./analytics-prod') : require('./analytics-dev');\n";
    expect(runCodemod('all', input, join(dir, 'analytics.js')).changed).toBe(false);
  });
});
