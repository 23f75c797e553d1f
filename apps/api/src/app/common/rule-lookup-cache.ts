import { getMetadataStorage } from 'class-validator';

type MetadataStorage = ReturnType<typeof getMetadataStorage>;
type Rules = ReturnType<MetadataStorage['getTargetValidationMetadatas']>;
type RulesByProperty = ReturnType<MetadataStorage['groupByPropertyName']>;

const PATCHED = ['getTargetValidationMetadatas', 'groupByPropertyName', 'addValidationMetadata'] as const;
const installed = new WeakMap<MetadataStorage, () => void>();

/**
 * Makes class-validator remember which rules apply to a class. For every object it validates (each item
 * of a bulk request, each nested object), class-validator scans every registered class for the ones the
 * object's class inherits from and groups the rules by property again, although neither changes once the
 * classes are loaded; with a few dozen DTOs that scan is the largest part of validating a 200-item bulk
 * (measured: tools/bench/results/history.md). So both answers are remembered per class and options, for
 * validations without groups (the only kind the service runs; with groups the lookup runs as before).
 * Registering a rule forgets everything, so a class loaded later is still seen.
 *
 * The cache is own properties of `storage` shadowing its prototype's methods; the returned function
 * deletes them again (used by the test proving that results are the same with and without it).
 * Installing twice returns the same function.
 */
export function rememberRuleLookups(storage: MetadataStorage = getMetadataStorage()): () => void {
  const existing = installed.get(storage);
  if (existing) return existing;
  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  let rules = new Map<string, Rules>();
  let grouped = new WeakMap<Rules, RulesByProperty>();
  const targetIds = new WeakMap<object, number>();
  let nextTargetId = 0;

  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    if (groups?.length) return lookUp(target, schema, always, strictGroups, groups);
    if (!targetIds.has(target)) targetIds.set(target, nextTargetId++);
    const key = `${targetIds.get(target)}|${schema}|${always}|${strictGroups}`;
    let found = rules.get(key);
    if (!found) rules.set(key, (found = lookUp(target, schema, always, strictGroups, groups)));
    return found;
  };
  storage.groupByPropertyName = (metadata) => {
    let found = grouped.get(metadata);
    if (!found) grouped.set(metadata, (found = group(metadata)));
    return found;
  };
  storage.addValidationMetadata = (metadata) => {
    rules = new Map();
    grouped = new WeakMap();
    add(metadata);
  };

  const forget = () => {
    for (const method of PATCHED) delete (storage as Partial<Pick<MetadataStorage, typeof method>>)[method];
    installed.delete(storage);
  };
  installed.set(storage, forget);
  return forget;
}
