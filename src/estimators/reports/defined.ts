/** Dropping undefined fields, so records built from optional reads carry only the keys a file gave. */

/** The object's own fields whose value is not undefined, typed as optional fields. */
export function definedOnly<T extends object>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const out: Partial<Record<keyof T, unknown>> = {};
  for (const key of Object.keys(o) as (keyof T)[]) if (o[key] !== undefined) out[key] = o[key];
  return out as { [K in keyof T]?: Exclude<T[K], undefined> };
}
