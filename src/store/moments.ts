// Times as both engines compare and store them.

/** A moment given in ISO 8601 (any offset), as the UTC form both engines compare and store. */
export function isoMoment(value: string): string {
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw new RangeError(`"${value}" is not an ISO 8601 time`);
  return at.toISOString();
}
