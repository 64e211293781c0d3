// The anchor of the API benchmark: a bare Apollo Server 5 on Express 5 with one
// resolver, in the same process and conditions as Rapport's api. Rapport's figures
// are read as ratios to it (`{ me { id } }` ≥ 0.7×, logConversation ≥ 0.5×).
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';

export async function startBareApollo() {
  const server = new ApolloServer({
    typeDefs: `type User { id: ID! } type Query { me: User! } type Mutation { log(id: ID!): User! }`,
    resolvers: { Query: { me: () => ({ id: '1' }) }, Mutation: { log: (_, { id }) => ({ id }) } },
  });
  await server.start();
  const app = express();
  app.use('/graphql', express.json(), expressMiddleware(server, { context: async ({ req }) => ({ token: req.headers.authorization }) }));
  const http = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return {
    url: `http://127.0.0.1:${http.address().port}/graphql`,
    async stop() {
      await server.stop();
      await new Promise((resolve) => http.close(resolve));
    },
  };
}

/**
 * Requests per second of `body` posted by `clients` concurrent clients, each sending
 * one request after the other, for `seconds` (after a short warm-up). Every answer
 * is read and checked: an error in it counts as a failure, not as a request.
 */
export async function throughput(url, makeBody, { token, clients = 16, seconds = 5, warmMs = 1000 } = {}) {
  const headers = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  let n = 0;
  let errors = 0;
  const run = async (until, count, client) => {
    while (performance.now() < until) {
      const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(makeBody(client, n)) });
      const body = await res.json();
      if (body.errors || !res.ok) errors += count ? 1 : 0;
      else if (count) n += 1;
    }
  };
  const warm = performance.now() + warmMs;
  await Promise.all(Array.from({ length: clients }, (_, c) => run(warm, false, c)));
  const start = performance.now();
  await Promise.all(Array.from({ length: clients }, (_, c) => run(start + seconds * 1000, true, c)));
  return { perSecond: n / ((performance.now() - start) / 1000), errors, n, ms: performance.now() - start };
}

/**
 * Two servers measured in turns (a, b, a, b…), `rounds` times `seconds / rounds` each:
 * on a shared machine the load changes from one second to the next, and taking turns
 * lets both see the same load. Returns each side's requests per second over all turns.
 */
export async function paired(a, b, { rounds = 5, seconds = 5 } = {}) {
  const sides = [a, b].map(() => ({ n: 0, ms: 0, errors: 0 }));
  for (let round = 0; round < rounds; round++) {
    for (const [i, side] of [a, b].entries()) {
      const r = await throughput(side.url, side.body, { token: side.token, seconds: seconds / rounds, warmMs: round === 0 ? 1000 : 200 });
      sides[i].n += r.n;
      sides[i].ms += r.ms;
      sides[i].errors += r.errors;
    }
  }
  return sides.map((s) => ({ perSecond: s.n / (s.ms / 1000), errors: s.errors }));
}
