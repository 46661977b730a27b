// scratch driver: node dist/src/ml/try.js de|en [epochs] [flags]
import { trainNer } from './pipeline.js';
const lang = (process.argv[2] ?? 'en') as 'de' | 'en';
const epochs = Number(process.argv[3] ?? 10);
const flags = new Set(process.argv.slice(4));
const seedFlag = [...flags].find((f) => f.startsWith('seed='));
trainNer({ lang, epochs, seed: seedFlag ? Number(seedFlag.slice(5)) : 1, out: flags.has('save') ? undefined : null, stats: flags.has('nostats') ? null : undefined, gazetteers: !flags.has('nogaz'), docPass: flags.has('doc'), minCount: flags.has('min2') ? 2 : 1, pa: Number([...flags].find((f) => f.startsWith('pa='))?.slice(3) ?? 0) || undefined, ensemble: Number([...flags].find((f) => f.startsWith('ens='))?.slice(4) ?? 1) });
