import { BodyBudget } from './body-budget';

const never = new AbortController().signal;

describe('BodyBudget', () => {
  it('admits what fits at once and gives it back on release (once)', async () => {
    const budget = new BodyBudget(100);
    const first = await budget.reserve(60, 1000, never);
    const second = await budget.reserve(40, 1000, never);
    expect(budget.inUse).toBe(100);
    first?.();
    first?.();
    expect(budget.inUse).toBe(40);
    second?.();
    expect(budget.inUse).toBe(0);
  });

  it('lets a body that does not fit wait, in arrival order, until bytes are released', async () => {
    const budget = new BodyBudget(100);
    const held = await budget.reserve(90, 1000, never);
    const admitted: string[] = [];
    const large = budget.reserve(80, 1000, never).then((release) => (admitted.push('large'), release));
    const small = budget.reserve(10, 1000, never).then((release) => (admitted.push('small'), release));
    await new Promise((resolve) => setImmediate(resolve));
    // The small one would fit, but waits behind the large one.
    expect(admitted).toEqual([]);
    held?.();
    await Promise.all([large, small]);
    expect(admitted).toEqual(['large', 'small']);
    expect(budget.inUse).toBe(90);
  });

  it('gives up after the wait, or when the client goes away, and lets the next in line in', async () => {
    const budget = new BodyBudget(100);
    await budget.reserve(100, 1000, never);
    await expect(budget.reserve(50, 20, never)).resolves.toBeUndefined();
    const gone = new AbortController();
    const abandoned = budget.reserve(50, 1000, gone.signal);
    gone.abort();
    await expect(abandoned).resolves.toBeUndefined();
    expect(budget.inUse).toBe(100);
  });

  it('counts a body larger than the whole budget as the whole budget', async () => {
    const budget = new BodyBudget(100);
    const release = await budget.reserve(500, 0, never);
    expect(budget.inUse).toBe(100);
    release?.();
  });
});
