import { type ObjectRule, defineRule, hit } from '../../../rule';
import { integerAt } from '../../../../util/json';
import { pointer } from '../../../../core/findings';

interface IntegerRange {
  id: string;
  kinds: readonly string[];
  field: string;
  min: bigint;
  max: bigint;
  description: string;
  /** what the number means and how to pick one, appended to the message */
  advice: string;
}

/** An integer field with bounds that come from its Go type or the CRD. Non-integers are left to
 * calico-field-type. */
export function integerRangeRule(spec: IntegerRange): ObjectRule {
  return defineRule({
    scope: 'object',
    id: spec.id,
    severity: 'error',
    description: spec.description,
    kinds: spec.kinds,
    check({ spec: objectSpec }) {
      const value = integerAt(objectSpec, spec.field);
      if (value === undefined || (value >= spec.min && value <= spec.max)) return [];
      return [
        hit(
          pointer('spec', spec.field),
          `${spec.field} ${value} is out of range: it must be between ${spec.min} and ${spec.max}. ${spec.advice}`,
        ),
      ];
    },
  });
}
