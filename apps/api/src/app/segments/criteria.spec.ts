import { BadRequestError } from '../errors/domain-errors';
import { criteriaSql, criteriaTerms, parseCriteria } from './criteria';

describe('criteria', () => {
  it('are B2B exactly when they name the legal entity or the contact type', () => {
    expect(parseCriteria('customer.mixins.tier:gold customer.active:true').b2b).toBe(false);
    expect(parseCriteria('customer.email:~acme legalEntity.name:ACME').b2b).toBe(true);
    expect(parseCriteria('contactType:(BILLING,PRIMARY)').b2b).toBe(true);
  });

  it('refuse what list q refuses, with a 400 on `criteria` naming the position', () => {
    const problem = (text: string) => {
      try {
        parseCriteria(text);
        return 'accepted';
      } catch (error) {
        expect(error).toBeInstanceOf(BadRequestError);
        return (error as BadRequestError).message;
      }
    };
    expect(problem('customer.nope:1')).toBe("Invalid criteria: Unknown field 'customer.nope' at position 0.");
    expect(problem('customer.id:a contactType:BOSS')).toMatch(/contactType.*at position 26/);
    expect(problem('customer.active:(true')).toMatch(/at position/);
    expect(problem('  ')).toBe('Invalid criteria: Criteria must contain at least one condition.');
    expect(problem('customer.metadata.createdAt:>2024-01-01T00:00:00Z')).toBe('accepted');
  });

  it('compile to SQL over the aliases c, ca and le, with bound values only', () => {
    const { sql, params } = criteriaSql(parseCriteria('customer.mixins.tier:gold contactType:BILLING'), 'r0_');
    expect(sql).not.toContain('gold');
    expect(sql).toContain('c.mixins');
    expect(sql).toContain('ca.type');
    expect(Object.values(params)).toEqual(expect.arrayContaining([['tier'], 'gold', 'BILLING']));
  });

  it('split into their terms as written', () => {
    const criteria = parseCriteria('customer.email:~"a b"  AND contactType:BILLING legalEntity.name:(x,y)');
    expect(criteriaTerms(criteria).map((t) => [t.term, t.condition.field])).toEqual([
      ['customer.email:~"a b"', 'customer.email'],
      ['contactType:BILLING', 'contactType'],
      ['legalEntity.name:(x,y)', 'legalEntity.name'],
    ]);
  });
});
