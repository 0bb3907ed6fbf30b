import type { Answer } from '../core/answers/types';
import type { Rng } from '../core/rng';
import type { Task } from '../core/tasks/types';
import { createGrammar, type Grammar } from '../policy/encode/grammar';
import { familyIds } from '../policy/encode/families';
import { encodeTask, type EncodedTask } from '../policy/encode/observation';
import type { Vocabulary } from '../policy/encode/vocab';
import { PolicyModel as Model } from '../policy/model';
import { networkConfig, type TrainConfig } from './config';
import type { PolicyModel } from '../policy/model';
import type { Observation, SampleResult } from '../policy/model';

/** A task prepared for the model: its observation and the grammar of its answer. */
export interface PreparedTask {
  encoded: EncodedTask;
  observation: Observation;
  grammar: Grammar;
}

/** One decoded answer with everything training and the trace viewer need. */
export interface SampledAnswer extends SampleResult {
  answer: Answer;
  /** Allowed action sets at each step (for re-scoring during training). */
  allowed: number[][];
  /** Each action as text: a vocabulary word, or the observation token it points at. */
  labels: string[];
  /** The most likely alternatives at each step, as text. */
  topLabels: { label: string; prob: number }[][];
  /**
   * Decoding stopped at the model's step limit (`maxActLen`) while the grammar allowed more: the
   * answer keeps only what the actions completed, and the last actions may begin a step it left out.
   */
  truncated: boolean;
}

const CACHE_LIMIT = 4096;

/**
 * The policy network a config and vocabulary call for (seeded by the config's seed). `<END>`
 * closes each part of a composite answer, so the decoder starts each part afresh; the word
 * families give edits their prior (see families.ts).
 */
export function createPolicyModel(config: TrainConfig, vocab: Vocabulary): PolicyModel {
  return Model.create({
    ...networkConfig(config),
    vocabSize: vocab.words.length,
    ...(vocab.index.has('<END>') ? { partEnd: vocab.index.get('<END>')! } : {}),
    families: familyIds(vocab),
  });
}

/** Connects the model to tasks: encodes observations, constrains decoding to the answer grammar. */
export class PolicyAgent {
  private readonly cache = new Map<string, PreparedTask>();

  constructor(
    readonly model: PolicyModel,
    readonly vocab: Vocabulary,
  ) {}

  prepare(task: Task): PreparedTask {
    const hit = this.cache.get(task.id);
    if (hit) return hit;
    const encoded = encodeTask(task, this.vocab, this.model.config.maxObsLen);
    const prepared = {
      encoded,
      observation: { tokens: encoded.tokens, segments: encoded.segments },
      grammar: createGrammar(task, encoded, this.vocab),
    };
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(task.id, prepared);
    return prepared;
  }

  /** The allowed sets a sequence went through (the grammar is deterministic). */
  allowedTrace(prepared: PreparedTask, actions: readonly number[]): number[][] {
    return actions.map((_, i) => prepared.grammar.allowed(actions.slice(0, i)) ?? []);
  }

  /**
   * An action as text: a vocabulary word, or `@i:token` for a pointer to position i; a pointer
   * to a literal candidate's slot shows the literal it stands for (`@240:<lit '1e3'>`).
   */
  label(prepared: PreparedTask, action: number): string {
    const V = this.vocab.words.length;
    if (action < V) return this.vocab.words[action] ?? '?';
    const i = action - V;
    const text = prepared.encoded.texts[i] ?? '';
    const literal = text === '<lit>' ? prepared.encoded.literals.find((l) => l.pos === i) : null;
    return literal ? `@${i}:<lit ${literal.text}>` : `@${i}:${text}`;
  }

  private finish(prepared: PreparedTask, s: SampleResult): SampledAnswer {
    return {
      ...s,
      answer: prepared.grammar.toAnswer(s.actions),
      allowed: this.allowedTrace(prepared, s.actions),
      labels: s.actions.map((a) => this.label(prepared, a)),
      topLabels: s.top.map((alts) =>
        alts.map((t) => ({ label: this.label(prepared, t.action), prob: t.prob })),
      ),
      truncated: prepared.grammar.allowed(s.actions) !== null,
    };
  }

  /** A GRPO group: `count` answers to one task, sampled in parallel at a temperature. */
  async sampleGroup(
    task: Task,
    count: number,
    temperature: number,
    rng: Rng,
  ): Promise<SampledAnswer[]> {
    const [group] = await this.sampleGroups([{ task, count, rng }], temperature);
    return group!;
  }

  /**
   * Several groups decoded in one batch (see PolicyModel.sampleBatch): each request's `count`
   * answers to its task, drawn from its `rng` (null: greedy).
   */
  async sampleGroups(
    requests: readonly { task: Task; count: number; rng: Rng | null }[],
    temperature: number,
  ): Promise<SampledAnswer[][]> {
    const prepared = requests.map((r) => this.prepare(r.task));
    const groups = await this.model.sampleBatch(
      requests.map((r, k) => ({
        obs: prepared[k]!.observation,
        allowed: (_s: number, prev: readonly number[]) => prepared[k]!.grammar.allowed(prev),
        count: r.count,
        rng: r.rng,
      })),
      temperature,
    );
    return groups.map((group, k) => group.map((s) => this.finish(prepared[k]!, s)));
  }

  async greedy(task: Task): Promise<SampledAnswer> {
    const [[answer]] = (await this.sampleGroups([{ task, count: 1, rng: null }], 0)) as [
      [SampledAnswer],
    ];
    return answer;
  }

  /** The gold answer as actions, when this observation can express it (for the warm start). */
  goldActions(task: Task): { prepared: PreparedTask; actions: number[] } | null {
    const prepared = this.prepare(task);
    const actions = prepared.grammar.fromAnswer(task.gold);
    if (!actions || actions.length > this.model.config.maxActLen) return null;
    // Only sequences the decoder could itself produce step by step are cloned.
    const allowedAll = actions.every((a, i) =>
      (prepared.grammar.allowed(actions.slice(0, i)) ?? []).includes(a),
    );
    return allowedAll ? { prepared, actions } : null;
  }
}
