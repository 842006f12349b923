import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

interface PackageInfo {
  name: string;
  version: string;
}

/** Reads our own package.json from source (src/) and from the build (dist/src/) alike. */
function readPackageInfo(): PackageInfo {
  let dir = __dirname;
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const json = JSON.parse(readFileSync(file, 'utf8')) as PackageInfo;
      if (json.name === 'eslint-plugin-backing-services') return json;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('eslint-plugin-backing-services: package.json not found');
    dir = parent;
  }
}

export const packageInfo = readPackageInfo();
