/** `METHOD /path/{param}` for every route in Fastify's route tree (printRoutes with commonPrefix false). */
export function registeredRoutes(tree: string): string[] {
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^((?:[│ ] {3})*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    stack.length = m[1].length / 4;
    stack.push(m[2]);
    const path = stack.join('').replace(/:(\w+)/g, '{$1}');
    if (m[3]) for (const method of m[3].split(', ')) routes.push(`${method} ${path}`);
  }
  return routes;
}
