import { readLastWindow, readWindow, servedPageSize } from '../../src/datasources/platform/paged-window';
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

/**
 * A list whose platform serves at most `cap` rows per page whatever is asked, and numbers its pages by that size;
 * `echo` says whether the envelope's pageSize reports the cap.
 */
function cappedList(total: number, cap: number, echo: boolean) {
  const requested: number[] = [];
  const loadPage = async (pageNum: number): Promise<Page<number>> => {
    requested.push(pageNum);
    const start = (pageNum - 1) * cap;
    const rows = Array.from({ length: Math.max(0, Math.min(cap, total - start)) }, (_, i) => start + i);
    return echo ? { rows, total, pageSize: cap } : { rows, total };
  };
  return { requested, loadPage };
}

describe('readWindow under a platform page-size cap (reference §12.13)', () => {
  it.each([
    [0, 100, true],
    [0, 100, false],
    [30, 50, true],
    [30, 50, false],
    [120, 100, true],
    [120, 100, false],
    [199, 10, true],
    [200, 30, false],
    [100, 100, true],
    [100, 100, false],
  ])('should read offset %i limit %i over pages capped at 40 (envelope says the cap: %s) without skipping rows', async (offset, limit, echo) => {
    const list = cappedList(230, 40, echo);
    const window = await readWindow(offset, limit, 100, list.loadPage);
    expect(window.rows).toEqual(Array.from({ length: Math.min(limit, 230 - offset) }, (_, i) => offset + i));
    expect(window.total).toBe(230);
  });

  it('should ask only for the capped pages the window overlaps, besides the first page it reads', async () => {
    const list = cappedList(230, 40, false);
    await readWindow(0, 100, 100, list.loadPage);
    expect(list.requested.sort((a, b) => a - b)).toEqual([1, 2, 3]);
  });

  it.each([true, false])(
    'should read the tail for last without before in pages of the size page 1 was served in (envelope says the cap: %s)',
    async (echo) => {
      const list = cappedList(230, 40, echo);
      const window = await readLastWindow(0, undefined, 5, 100, list.loadPage);
      expect(window.rows).toEqual([225, 226, 227, 228, 229]);
      expect(window.offset).toBe(225);
      // Page 1 for the length (it shows the cap of 40), then page 6 holding rows 200..229: no probe of a page
      // numbered by the 100 asked for.
      expect(list.requested).toEqual([1, 6]);
    },
  );

  it('should not mistake the short last page of an uncapped list for a cap', async () => {
    const list = pagedList(130, 100);
    const window = await readWindow(100, 50, 100, list.loadPage);
    expect(window.rows).toEqual(Array.from({ length: 30 }, (_, i) => 100 + i));
    expect(list.requested).toEqual([2]);
  });
});

describe('servedPageSize', () => {
  it.each([
    ['a full page', { rows: new Array(100).fill(0), total: 500 }, 1, 100],
    ['the short last page', { rows: new Array(30).fill(0), total: 130 }, 2, 100],
    ['a short page the total says is not the last', { rows: new Array(50).fill(0), total: 500 }, 1, 50],
    ['a short later page the total says is not the last', { rows: new Array(50).fill(0), total: 500 }, 3, 50],
    ['an envelope pageSize below the asked size, over the short capped last page', { rows: new Array(20).fill(0), total: 100, pageSize: 40 }, 3, 40],
    ['a whole list on one page, its size as pageSize', { rows: new Array(20).fill(0), total: 20, pageSize: 20 }, 1, 100],
    ['an envelope pageSize echoing the asked size', { rows: new Array(30).fill(0), total: 130, pageSize: 100 }, 2, 100],
    ['an envelope pageSize that only counts the rows of the last page', { rows: new Array(30).fill(0), total: 130, pageSize: 30 }, 2, 100],
    ['a short later page that cannot be the last of an uncapped list', { rows: new Array(50).fill(0), total: 140 }, 2, 50],
    ['an empty page', { rows: [], total: 0 }, 1, 100],
  ])('should read %s', (_name, page, pageNum, expected) => {
    expect(servedPageSize(page, pageNum, 100)).toBe(expected);
  });
});
