import type { NextFunction, Request, Response } from 'express';

/** The web app's largest operation (the dashboard) is about 1.5 KB; 32 KB leaves room for any honest client. */
export const MAX_DOCUMENT_CHARS = 32_000;
/** A request still running after this is answered 503 (PostgreSQL cancels its statements at the same bound). */
export const REQUEST_TIMEOUT_MS = 10_000;

const refuse = (res: Response, status: number, code: string, message: string) => res.status(status).json({ errors: [{ message, extensions: { code } }] });

/**
 * Before Apollo sees a request: an oversized document is refused without being
 * parsed (the body parser already refuses bodies over 1 MB, and variables may
 * hold long notes, so the document gets its own, smaller limit).
 */
export function documentSizeGuard(req: Request, res: Response, next: NextFunction) {
  const query = (req.body as { query?: unknown } | undefined)?.query ?? req.query?.query;
  if (typeof query === 'string' && query.length > MAX_DOCUMENT_CHARS) {
    return refuse(res, 413, 'BAD_USER_INPUT', `query: must be at most ${MAX_DOCUMENT_CHARS} characters (got ${query.length})`);
  }
  next();
}

/** Answers 503 TIMEOUT when a request runs longer than `ms`; its late answer is dropped. */
export function requestTimeout(ms = REQUEST_TIMEOUT_MS) {
  return (req: Request, res: Response, next: NextFunction) => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      refuse(res, 503, 'TIMEOUT', `The request took longer than ${ms / 1000} s and was stopped`);
      // Whatever the handler still writes goes nowhere.
      res.setHeader = (() => res) as never;
      res.writeHead = (() => res) as never;
      res.write = (() => true) as never;
      res.end = (() => res) as never;
    }, ms);
    timer.unref();
    res.on('close', () => clearTimeout(timer));
    next();
  };
}
