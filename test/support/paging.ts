/** Reading a whole Relay connection in tests, a page at a time. */

/** One page of a connection, as the operations select it. */
export interface ConnectionPage<N> {
  edges: readonly { node: N }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor?: string | null; endCursor?: string | null };
}

/**
 * Every node of a connection in its order, read with `fetch(cursor)` page by page: `forwards`
 * from `cursor` (`after` each page's endCursor) until no next page, or `backwards` (`before` each
 * page's startCursor) until no previous page. Fails after `maxPages` pages.
 */
export async function walkPages<N>(
  direction: 'forwards' | 'backwards',
  fetch: (cursor: string | null) => Promise<ConnectionPage<N>>,
  { cursor = null as string | null, maxPages = 100 } = {},
): Promise<N[]> {
  const nodes: N[] = [];
  for (let i = 0; i < maxPages; i++) {
    const page = await fetch(cursor);
    const these = page.edges.map((edge) => edge.node);
    if (direction === 'forwards') nodes.push(...these);
    else nodes.unshift(...these);
    const more = direction === 'forwards' ? page.pageInfo.hasNextPage : page.pageInfo.hasPreviousPage;
    if (!more) return nodes;
    cursor = (direction === 'forwards' ? page.pageInfo.endCursor : page.pageInfo.startCursor) ?? null;
  }
  throw new Error(`did not reach the ${direction === 'forwards' ? 'end' : 'start'}`);
}
