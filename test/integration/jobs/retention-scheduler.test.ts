import { inject } from 'vitest';
import { retentionSuite } from './retention-suite.js';

retentionSuite('real Redis', () => inject('redisUrl'));
