import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { AuthService } from '@rapport/auth';
import { QUEUES } from '@rapport/shared';

export const QUEUES_BOARD_PATH = '/admin/queues';
const COOKIE = 'rapport_queues_token';
const MOUNTED = Symbol.for('rapport.queuesBoard');

function cookieToken(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/**
 * The operator view of the queues (bull-board) at /admin/queues, for the instance
 * operators only (RAPPORT_OPERATORS): the queue is shared by every organisation, and
 * the board can pause it and shows every tenant's jobs. The token comes as
 * `Authorization: Bearer …`, or once as `?token=…`: it is then kept in an HttpOnly
 * cookie limited to /admin/queues, so the board's own requests are authenticated, and
 * the token leaves the address bar. Everyone else — no token, organisers included —
 * gets the same 404 as an unknown address, on every route under it (the board's
 * /api/… too), so nobody learns it exists. Mounting twice does nothing.
 */
export function mountQueuesBoard(app: INestApplication): void {
  const http = app.getHttpAdapter().getInstance();
  if (http[MOUNTED]) return;
  http[MOUNTED] = true;

  const auth = app.get(AuthService, { strict: false });
  const queue = app.get<Queue>(getQueueToken(QUEUES.reminders), { strict: false });
  const board = new ExpressAdapter();
  board.setBasePath(QUEUES_BOARD_PATH);
  // @bull-board/express carries its own copy of @bull-board/api (9.10.1 vs 9.10.2): same shape, distinct types.
  createBullBoard({ queues: [new BullMQAdapter(queue)], serverAdapter: board, options: { uiConfig: { boardTitle: 'Rapport queues' } } });

  const boardRouter = board.getRouter();
  const guard = async (req: Request, res: Response, next: NextFunction) => {
    try {
      const header = req.headers.authorization ?? '';
      const queryToken = typeof req.query.token === 'string' ? req.query.token : undefined;
      const token = header.startsWith('Bearer ') ? header.slice(7).trim() : (queryToken ?? cookieToken(req));
      const member = await auth.authenticate(token);
      // Not an operator: on to the next handler, exactly as if nothing were mounted here.
      if (!member || !(await auth.isOperator(member))) return next();
      if (queryToken && token === queryToken) {
        const secure = req.secure ? '; Secure' : '';
        res.setHeader('Set-Cookie', `${COOKIE}=${encodeURIComponent(queryToken)}; Path=${QUEUES_BOARD_PATH}; HttpOnly; SameSite=Strict${secure}`);
        if (req.method === 'GET') {
          const url = new URL(req.originalUrl, 'http://x');
          url.searchParams.delete('token');
          res.redirect(303, url.pathname + url.search);
          return;
        }
      }
      boardRouter(req, res, next);
    } catch (error) {
      next(error);
    }
  };
  http.use(QUEUES_BOARD_PATH, guard);
}
