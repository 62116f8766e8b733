// What the library host sends its heavy-read worker with each call: the operation's
// input and caller, and which database file to read (a restore or a read-only copy
// may have changed it since the last call).

export interface HeavyCall {
  file: string;
  input: unknown;
  meta: unknown;
}

/** Services the worker asks of the host: the printers a document export needs. */
export const HOST_SERVICES = { printPdf: 'host.printPdf', capturePng: 'host.capturePng' } as const;

export interface HeavyWorkerData {
  dataDir: string;
  resourcesDir: string;
  appVersion: string;
  nativeBinding: string | undefined;
  printPdf: boolean;
  capturePng: boolean;
  /** Tests only: each call waits until the buffer's first 32-bit integer is not zero. */
  holdUntil: SharedArrayBuffer | undefined;
}
