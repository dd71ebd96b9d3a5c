import { z } from 'zod';

const environmentSchema = z.object({
  DATABASE_URL: z.string().min(1, 'DATABASE_URL is required (npm start sets it for the private cluster)'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  STATEMENT_TIMEOUT_MS: z.coerce.number().int().positive().default(15000),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  DATABASE_POOL_SIZE: z.coerce.number().int().positive().default(10),
});

export type Config = z.infer<typeof environmentSchema>;

/** Reads and validates the server's configuration from environment variables. */
export function readConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  return parsed.data;
}
