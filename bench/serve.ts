// Child process: the real server, configured from the environment as `npm start` is
// (PORT=0 so it takes a free port), reporting its URL to the benchmark over IPC.
import { loadConfig } from '../src/server/platform/config.ts';
import { startServer } from '../src/server/server.ts';

const server = await startServer(loadConfig(process.env));
process.send?.({ url: server.url });

// The benchmark asks for a memory breakdown (RSS alone does not say heap or buffers).
process.on('message', (m: { memory?: boolean }) => {
  if (m.memory) process.send?.({ memory: process.memoryUsage() });
});

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.on('SIGTERM', stop);
process.on('disconnect', stop);
