import { loadClientConnectConfig } from '@temporalio/envconfig';
import type { TLSConfig } from '@temporalio/common/lib/internal-non-workflow';

export interface TemporalTarget {
  /** Options both the client's Connection and the worker's NativeConnection accept. */
  connection: { address: string; tls?: TLSConfig | boolean; apiKey?: string; metadata?: Record<string, string> };
  namespace: string;
}

/**
 * Connection settings for an existing Temporal cluster, read exactly the way
 * @temporalio/envconfig reads them: the TOML profile (TEMPORAL_CONFIG_FILE, TEMPORAL_PROFILE)
 * overlaid by TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_API_KEY, TEMPORAL_TLS*, and
 * TEMPORAL_GRPC_META_*.
 */
export function clusterTarget(env: NodeJS.ProcessEnv = process.env): TemporalTarget {
  const loaded = loadClientConnectConfig({ overrideEnvVars: definedOnly(env) });
  const { address, tls, apiKey, metadata } = loaded.connectionOptions;
  if (!address) throw new Error('TEMPORAL_ADDRESS (or an address in the Temporal config profile) is required');
  return {
    connection: { address, tls: tls ?? undefined, apiKey, metadata: stringMetadata(metadata) },
    namespace: loaded.namespace ?? 'default',
  };
}

/** Settings for the local dev server that `npm start` runs itself. */
export function localTarget(address: string, namespace: string): TemporalTarget {
  return { connection: { address }, namespace };
}

function definedOnly(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

function stringMetadata(metadata: Record<string, string | Buffer> | undefined): Record<string, string> | undefined {
  if (!metadata) return undefined;
  return Object.fromEntries(Object.entries(metadata).map(([key, value]) => [key, value.toString()]));
}
