import { KnownIssue } from './harness';

/**
 * Open defects the fuzz suite should count apart instead of failing on, each with a test of the
 * right behaviour (as `it.failing`) until it is fixed. None are open; fixed ones live on as tests in
 * `regressions.reliability.spec.ts`.
 */
export const KNOWN_ISSUES: KnownIssue[] = [];
