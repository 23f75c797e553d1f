import { NotFoundError } from './domain-errors';

describe('NotFoundError.of', () => {
  it('words every absent resource alike, with the id as resourceId', () => {
    expect(NotFoundError.of('segment', 's1')).toMatchObject({
      status: 404,
      message: 'Segment with id s1 not found.',
      resourceId: 's1',
    });
    expect(NotFoundError.of('product assignment', 'p1', ['segment', 's1']).message).toBe(
      'Product assignment with id p1 in segment s1 not found.',
    );
    expect(NotFoundError.of('customer assignment', 'c1', ['legal entity', 'le1'], ['segment', 's1']).message).toBe(
      'Customer assignment with id c1 in legal entity le1 and segment s1 not found.',
    );
  });
});
