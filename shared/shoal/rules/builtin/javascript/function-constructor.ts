type Predicate = (row: Record<string, unknown>) => boolean;

export function buildPredicate(expression: string): Predicate {
  // ruleid: code-injection/js-function-constructor
  return new Function("row", `return (${expression});`) as Predicate;
}

export function buildGetter(path: string): (o: object) => unknown {
  // ruleid: code-injection/js-function-constructor
  return Function("o", "return o." + path) as (o: object) => unknown;
}

// ok: code-injection/js-function-constructor
export const noop = new Function("return undefined;");
// ok: code-injection/js-function-constructor
export const predicate: Predicate = new Function("row", "return row.active === true;") as Predicate;
