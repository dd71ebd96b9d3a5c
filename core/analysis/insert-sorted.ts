/** Inserts an item into a list sorted by `compare`, after its equals, as a stable sort would place it. @example insertSorted(overlaps, overlap, compareByArea) */
export function insertSorted<T>(list: T[], item: T, compare: (first: T, second: T) => number): void {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(list[middle] as T, item) <= 0) low = middle + 1;
    else high = middle;
  }
  list.splice(low, 0, item);
}
