// Writes docs/rules/<id>.md for every rule of the core (run after `pnpm -r build`); test/docs.test.ts fails when they are stale.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ruleMetas } from '@sidecar-lint/core';
import { ruleDoc } from '../dist/docs.js';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/rules');
fs.mkdirSync(dir, { recursive: true });
for (const meta of ruleMetas) fs.writeFileSync(path.join(dir, `${meta.id}.md`), ruleDoc(meta));
console.log(`wrote ${ruleMetas.length} rule pages to ${path.relative(process.cwd(), dir)}`);
