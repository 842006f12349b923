import type { CatalogEntry, Factory, SecureRecipe } from '../../src/catalog/types';
import { conditionHolds } from '../../src/policy/tls';
import type { ObjectValue } from '../../src/policy/value';

/**
 * The catalog recipe that applies to these options: the factory's own (a cluster's), else the
 * first matching variant, else the base.
 */
export function recipeFor<N>(entry: CatalogEntry, options: ObjectValue<N>, factory?: Factory): SecureRecipe {
  if (factory?.recipe) return factory.recipe;
  const variant = entry.recipe.variants?.find((v) => conditionHolds(options, v.when));
  return variant ?? entry.recipe;
}
