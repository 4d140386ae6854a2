/** The shared counter-backend suite on the in-process backend. */
import { MemoryBackend } from './memory.js';
import { backendSuite } from './backend-suite.js';

backendSuite({ name: 'memory', open: () => Promise.resolve(new MemoryBackend()) });
