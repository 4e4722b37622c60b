import Fastify from "fastify";

const fastify = Fastify({ logger: true });

export async function start(port: number): Promise<void> {
  // ruleid: config/js-listen-all-interfaces
  await fastify.listen({ host: '0.0.0.0', port });
}

export async function startLocal(port: number): Promise<void> {
  // ok: config/js-listen-all-interfaces
  await fastify.listen({ host: "127.0.0.1", port });
  // ok: config/js-listen-all-interfaces
  await fastify.listen({ port });
}
