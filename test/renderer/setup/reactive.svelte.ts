/** A plain values object made reactive, as a view's `$state` holds it before binding it to an editor. */
export function reactive<T extends object>(value: T): T {
  const state = $state(value);
  return state;
}
