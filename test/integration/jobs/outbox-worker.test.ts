import { inject } from 'vitest';
import { outboxWorkerSuite } from './outbox-worker-suite.js';

outboxWorkerSuite('real Redis', () => inject('redisUrl'));
