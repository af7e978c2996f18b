import {
  dateOperations,
  inGroupOperation,
  type LogicOperations,
  setOperations,
  textOperations,
} from '../logic/index.js';

/** The custom operations rules and questionnaire conditions may use; `in_group` answers from `groups`. */
export function ruleOperations(groups: Readonly<Record<string, readonly string[]>> = {}): LogicOperations {
  return { ...dateOperations(), ...setOperations(), ...textOperations(), ...inGroupOperation(groups) };
}
