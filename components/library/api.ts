import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Request, RequestType, ResponseMap } from '../../lib/messaging/protocol';

/** The typed request function of lib/messaging/client.ts; tests pass a fake with the same shape. */
export type RequestFn = <T extends RequestType>(message: Extract<Request, { type: T }>) => Promise<ResponseMap[T]>;

/** What every extension page that shows the library needs from the extension. */
export interface LibraryApi {
  request: RequestFn;
  /** Calls `listener` whenever the library changed anywhere (another tab, the panel); returns an unsubscribe. */
  onLibraryChanged(listener: () => void): () => void;
}

/** The options page additionally asks the browser to keep its storage. */
export interface OptionsApi extends LibraryApi {
  /** Asks for persistent storage; true/false is the browser's answer, null when the browser has no such API. */
  persistStorage(): Promise<boolean | null>;
}

const OptionsApiContext = createContext<OptionsApi | null>(null);

export const OptionsApiProvider = OptionsApiContext.Provider;

export function useOptionsApi(): OptionsApi {
  const api = useContext(OptionsApiContext);
  if (!api) throw new Error('useOptionsApi() needs an <OptionsApiProvider> above it.');
  return api;
}
