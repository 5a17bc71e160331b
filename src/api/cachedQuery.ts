// The queries a page's components read. In the browser they are TanStack Query's hooks, which follow
// the cache. The server renders a page once, after its loaders have filled the cache, and nothing
// changes under it: there a query's data is read from the cache as it stands. TanStack's hooks make
// an observer per query at every render (its options defaulted and hashed twice, a result built and
// tracked), work for re-renders the server never does: 4.5% of a story page's render.
// `import.meta.env.SSR` is fixed at build time, so each build has one form and the browser's bundle
// leaves the server's out.
import {
  type DefaultError,
  type QueryKey,
  type UseQueryOptions,
  type UseQueryResult,
  type UseSuspenseQueryOptions,
  useQuery,
  useQueryClient,
  useSuspenseQuery,
} from "@tanstack/react-query";

type SuspenseOptions<T, K extends QueryKey> = UseSuspenseQueryOptions<T, DefaultError, T, K>;
interface SuspenseData<T> {
  data: T;
  dataUpdatedAt: number;
}

/** The server's: the cache's data, or, should a loader not have filled it, waits for it as useSuspenseQuery does. */
function useSuspenseDataFromCache<T, K extends QueryKey>(options: SuspenseOptions<T, K>): SuspenseData<T> {
  const client = useQueryClient();
  const state = client.getQueryState<T>(options.queryKey);
  if (state?.data !== undefined)
    return { data: options.select ? options.select(state.data) : state.data, dataUpdatedAt: state.dataUpdatedAt };
  if (state?.status === "error") throw state.error;
  throw client.ensureQueryData(options);
}

/** useSuspenseQuery's data and when it came. */
export const useSuspenseData: <T, K extends QueryKey>(options: SuspenseOptions<T, K>) => SuspenseData<T> = import.meta
  .env.SSR
  ? useSuspenseDataFromCache
  : useSuspenseQuery;

type QueryData<T> = Pick<UseQueryResult<T>, "data">;

/** The server's: what the cache holds now (a query no loader asked for is not fetched, as useQuery does not on the server). */
function useQueryDataFromCache<T, K extends QueryKey>(options: UseQueryOptions<T, DefaultError, T, K>): QueryData<T> {
  const data = useQueryClient().getQueryData<T>(options.queryKey);
  return { data: data !== undefined && options.select ? options.select(data) : data };
}

/** useQuery's data, none until it comes. */
export const useQueryData: <T, K extends QueryKey>(options: UseQueryOptions<T, DefaultError, T, K>) => QueryData<T> =
  import.meta.env.SSR ? useQueryDataFromCache : useQuery;
