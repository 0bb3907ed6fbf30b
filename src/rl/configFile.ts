import { checkConfig, DEFAULT_CONFIG, type TrainConfig } from './config';
import { findPreset, PRESETS } from './presets';

/**
 * A config as a person writes it: any subset of TrainConfig's fields (and of `model`), over a
 * preset named by `extends` (default: the paper's joint-RL recipe). Unknown fields are errors,
 * so a typo never silently trains with a default.
 */
export function resolveConfig(value: unknown, where = 'config'): TrainConfig {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new Error(`${where}: expected a JSON object of TrainConfig fields`);
  const { extends: base, model, ...rest } = value as Record<string, unknown>;
  let start = DEFAULT_CONFIG;
  if (base !== undefined) {
    const preset = typeof base === 'string' ? findPreset(base) : undefined;
    if (!preset)
      throw new Error(
        `${where}: extends: unknown preset ${JSON.stringify(base)}; use one of ${PRESETS.map((p) => p.id).join(', ')}`,
      );
    start = preset.config;
  }
  for (const key of Object.keys(rest))
    if (!(key in DEFAULT_CONFIG))
      throw new Error(
        `${where}: ${key}: unknown field (known: ${Object.keys(DEFAULT_CONFIG).join(', ')})`,
      );
  if (model !== undefined && (typeof model !== 'object' || model === null))
    throw new Error(`${where}: model: expected an object`);
  for (const key of Object.keys(model ?? {}))
    if (!(key in DEFAULT_CONFIG.model))
      throw new Error(
        `${where}: model.${key}: unknown field (known: ${Object.keys(DEFAULT_CONFIG.model).join(', ')})`,
      );
  for (const [key, v] of Object.entries({ ...rest, ...(model ?? {}) })) {
    const expected = typeof (
      (DEFAULT_CONFIG as unknown as Record<string, unknown>)[key] ??
      (DEFAULT_CONFIG.model as Record<string, unknown>)[key]
    );
    const actual = Array.isArray(v) ? 'object' : typeof v;
    if (expected !== actual)
      throw new Error(`${where}: ${key}: expected a ${expected}, got ${JSON.stringify(v)}`);
  }
  const config: TrainConfig = {
    ...start,
    ...(rest as Partial<TrainConfig>),
    model: { ...start.model, ...(model as Partial<TrainConfig['model']>) },
  };
  const problem = checkConfig(config);
  if (problem) throw new Error(`${where}: ${problem}`);
  return config;
}
