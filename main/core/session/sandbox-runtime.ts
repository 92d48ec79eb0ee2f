/**
 * What the core needs from the sandbox when the sandbox profile is active: two endpoints and their credentials.
 * The worker entry injects the launcher (main/sandbox/app-sandbox.ts), so the core never imports the stand-ins.
 */
export interface ServiceEndpoints {
  workos: { baseUrl: string; apiKey: string };
  gem: { baseUrl: string; token: string };
}

export interface SandboxRuntime extends ServiceEndpoints {
  close(): Promise<void>;
}

/** Starts the sandbox for a data folder (its state persists there between launches). */
export type SandboxLauncher = (dataDir: string) => Promise<SandboxRuntime>;
