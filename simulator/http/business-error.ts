/** Thrown by handlers to answer a documented business code; the server renders it per envelope. */
export class BusinessError extends Error {
  constructor(readonly code: number) {
    super(`business error ${code}`);
    this.name = 'BusinessError';
  }
}
