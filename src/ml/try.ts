// scratch driver: node dist/src/ml/try.js de|en [epochs] [flags]
import { trainNer } from './pipeline.js';
const lang = (process.argv[2] ?? 'en') as 'de' | 'en';
const epochs = Number(process.argv[3] ?? 10);
const flags = new Set(process.argv.slice(4));
trainNer({ lang, epochs, out: flags.has('save') ? undefined : null, stats: flags.has('nostats') ? null : undefined, gazetteers: !flags.has('nogaz'), docPass: flags.has('doc'), minCount: flags.has('min2') ? 2 : 1 });
