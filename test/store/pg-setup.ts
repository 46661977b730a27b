import { afterAll } from 'vitest';
import { dropCreatedDatabases } from './target.js';

// each test file drops the databases it created once its tests are done
afterAll(dropCreatedDatabases);
