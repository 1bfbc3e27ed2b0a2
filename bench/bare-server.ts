// Child process: a bare Fastify app (no auth, no validation, no OpenAPI) whose routes replay the
// captured SQL of each scenario on the same kind of connection pool the server uses.
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import { replay, type Plans } from './replay.ts';
import { openSqlEngine, type Location } from './sql.ts';

const location = JSON.parse(process.env.BENCH_LOCATION as string) as Location;
const plans = JSON.parse(readFileSync(process.env.BENCH_PLANS as string, 'utf8')) as Plans;
const engine = await openSqlEngine(location, Number(process.env.BENCH_POOL_SIZE ?? 10));

const app = Fastify({ logger: false });
const handler = async (request: { params: unknown; query: unknown }) => {
  const { name } = request.params as { name: string };
  const variants = plans[name];
  const v = Number((request.query as { v?: string }).v ?? 0);
  return replay(engine, variants[v % variants.length]);
};
app.get('/bare/:name', handler);
app.post('/bare/:name', async (request, reply) => reply.code(201).send(await handler(request)));
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.send?.({ url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` });

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  app
    .close()
    .then(() => engine.close())
    .then(
      () => process.exit(0),
      () => process.exit(1),
    );
};
process.on('SIGTERM', stop);
process.on('disconnect', stop);
