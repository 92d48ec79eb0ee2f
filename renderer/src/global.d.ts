import type { GemConsoleApi } from '../../preload/api';

declare global {
  interface Window {
    gemConsole: GemConsoleApi;
  }
}
