/**
 * An element id unique in the page and stable for the component's life: two charts on one dashboard never share
 * one. (React 18's useId does this too, but Superset 4.1/5.0 run React 16/17.)
 */
import { useState } from 'react';

let issued = 0;

export function useUniqueId(prefix: string): string {
  const [id] = useState(() => {
    issued += 1;
    return `${prefix}-${issued}`;
  });
  return id;
}
