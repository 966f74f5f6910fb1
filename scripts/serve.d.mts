/** Types for scripts/serve.mjs, so TypeScript tests can start the local server. */
export interface StartedServer {
  readonly url: string;
  readonly protocol: "http" | "https";
  close(): Promise<void>;
}

export function startServer(options?: {
  dir?: string;
  port?: number;
  protocol?: "auto" | "http" | "https";
  home?: string;
}): Promise<StartedServer>;

export function pidFile(port: number): string;

export function serveFromCommandLine(args: readonly string[]): Promise<void>;
