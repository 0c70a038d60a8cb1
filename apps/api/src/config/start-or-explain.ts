import { AppConfig, InvalidConfigurationError, loadConfig } from './config.schema';
import { PreflightError, preflight } from './preflight';

/**
 * Loads the configuration and checks the services, or prints one clear paragraph and exits 1.
 * Used by every entry point (API, workers, migrations, seed).
 */
export async function configOrExit(what: string, options: { preflight: boolean }): Promise<AppConfig> {
  try {
    const config = loadConfig();
    if (options.preflight) await preflight(config);
    return config;
  } catch (error) {
    if (error instanceof InvalidConfigurationError || error instanceof PreflightError) {
      process.stderr.write(`Cannot start ${what}. ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
