/**
 * A reason the process cannot start that the operator can fix (a port in use, an unusable data
 * folder). Its message names what is wrong and what to change; main.ts prints it as one line,
 * without a stack trace, and exits non-zero.
 */
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StartupError';
  }
}

/** Why listen() failed, naming the port and host and the variables that change them. */
export function listenFailure(err: NodeJS.ErrnoException, port: number, host: string): Error {
  const where = `port ${port} on ${host}`;
  if (err.code === 'EADDRINUSE') return new StartupError(`${where} is already in use by another process: stop it, or set PORT to a free port (or HOST to another interface)`, { cause: err });
  if (err.code === 'EACCES') return new StartupError(`not allowed to listen on ${where}: set PORT to 1024 or above (or HOST to another interface)`, { cause: err });
  if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN') {
    return new StartupError(`cannot listen on ${where}: HOST is not an address of this machine (${err.code}); set HOST (e.g. 0.0.0.0) and PORT`, { cause: err });
  }
  return err;
}
