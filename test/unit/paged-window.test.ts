import { readLastWindow, readWindow } from '../../src/datasources/platform/paged-window';
import type { Page } from '../../src/datasources/platform/page';

/** A list of `total` numbered rows served in pages of `pageSize`, recording which pages were asked for. */
function pagedList(total: number, pageSize: number) {
  const requested: number[] = [];
  const loadPage = async (pageNum: number): Promise<Page<number>> => {
    requested.push(pageNum);
    const start = (pageNum - 1) * pageSize;
    return { rows: Array.from({ length: Math.max(0, Math.min(pageSize, total - start)) }, (_, i) => start + i), total };
  };
  return { requested, loadPage };
}

describe('readWindow', () => {
  it.each([
    [0, 50, 100, [1]],
    [0, 50, 10, [1, 2, 3, 4, 5]],
    [45, 10, 10, [5, 6]],
    [95, 10, 7, [14, 15]],
    [97, 10, 7, [14, 15, 16]],
  ])('should read offset %i limit %i over pages of %i from pages %j only', async (offset, limit, pageSize, pages) => {
    const list = pagedList(500, pageSize);
    const window = await readWindow(offset, limit, pageSize, list.loadPage);
    expect(window.rows).toEqual(Array.from({ length: limit }, (_, i) => offset + i));
    expect(window.total).toBe(500);
    expect(list.requested.sort((a, b) => a - b)).toEqual(pages);
  });

  it('should stop at the end of the list without asking for pages past it', async () => {
    const list = pagedList(23, 10);
    const window = await readWindow(15, 50, 10, list.loadPage);
    expect(window.rows).toEqual([15, 16, 17, 18, 19, 20, 21, 22]);
    expect(list.requested.sort()).toEqual([2, 3]);
  });

  it('should return nothing past the end', async () => {
    const list = pagedList(5, 10);
    expect((await readWindow(5, 10, 10, list.loadPage)).rows).toEqual([]);
  });
});

describe('readLastWindow', () => {
  it.each([
    // start, end, limit, pageSize, first row returned, pages read
    [0, 50, 10, 10, 40, [5]],
    [0, 45, 10, 10, 35, [4, 5]],
    [0, 5, 10, 10, 0, [1]],
    [3, 5, 10, 10, 3, [1]],
    [20, 20, 10, 10, 20, [3]],
  ])(
    'should read the last rows of [%i, %i) with limit %i over pages of %i from row %i, pages %j only',
    async (start, end, limit, pageSize, from, pages) => {
      const list = pagedList(500, pageSize);
      const window = await readLastWindow(start, end, limit, pageSize, list.loadPage);
      expect(window.offset).toBe(from);
      expect(window.rows).toEqual(Array.from({ length: end - from }, (_, i) => from + i));
      expect(window.total).toBe(500);
      expect(list.requested.sort((a, b) => a - b)).toEqual(pages);
    },
  );

  it('should read page 1 for the length, then only the tail pages, when the window runs to the end', async () => {
    const list = pagedList(95, 10);
    const window = await readLastWindow(0, undefined, 12, 10, list.loadPage);
    expect(window.rows).toEqual(Array.from({ length: 12 }, (_, i) => 83 + i));
    expect(window.offset).toBe(83);
    expect(list.requested).toEqual([1, 9, 10]);
  });

  it('should ask for page 1 once when the tail is on it', async () => {
    const list = pagedList(8, 10);
    const window = await readLastWindow(0, undefined, 5, 10, list.loadPage);
    expect(window.rows).toEqual([3, 4, 5, 6, 7]);
    expect(list.requested).toEqual([1]);
  });

  it('should not go below the start of the window (after)', async () => {
    const list = pagedList(30, 10);
    const window = await readLastWindow(25, undefined, 10, 10, list.loadPage);
    expect(window.rows).toEqual([25, 26, 27, 28, 29]);
    expect(window.offset).toBe(25);
  });
});
