import { readWindow } from '../../src/datasources/platform/paged-window';
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
