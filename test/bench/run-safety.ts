// `npx tsx test/bench/run-safety.ts`: the crash and fault figures alone (no browser),
// printed as a table; `npm run bench` runs them with the rest.
import path from 'node:path';
import { benchSafety } from './safety.js';

const started = performance.now();
console.table(await benchSafety(path.resolve(import.meta.dirname, '../..')));
console.log(`safety figures in ${Math.round((performance.now() - started) / 1000)} s`);
