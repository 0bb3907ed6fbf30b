import {
  ATOMIC_SKILLS,
  COMPOSITE_KINDS,
  type AtomicSkill,
  type CompositeKind,
  type TaskKind,
} from '../core/tasks/types';

/**
 * One fixed colour per atomic skill, used everywhere in the app. Okabe–Ito colours: told apart
 * with the common colour-vision deficiencies, and readable on the light and the dark theme
 * (the palette's yellow and black are left out for that reason).
 */
export const SKILL_COLORS: Record<AtomicSkill, string> = {
  localization: '#0072B2',
  editing: '#E69F00',
  testgen: '#009E73',
  reproduction: '#D55E00',
  review: '#CC79A7',
};

/** Composite kinds: muted colours of their own; charts also draw them dashed. */
export const COMPOSITE_COLORS: Record<CompositeKind, string> = {
  bugfix: '#56B4E9',
  'bugfix-multi': '#8C7A1F',
  'tdd-fix': '#6A6AD8',
  refactor: '#8E5EA2',
  'security-fix': '#A0522D',
};

const isComposite = (kind: TaskKind): kind is CompositeKind =>
  (COMPOSITE_KINDS as readonly string[]).includes(kind);

/** The colour of a task kind (atomic skill or composite). */
export function kindColor(kind: TaskKind): string {
  return isComposite(kind) ? COMPOSITE_COLORS[kind] : SKILL_COLORS[kind];
}

/**
 * A kind's colour for text (table heads, scores): its colour darkened on the light theme and
 * lightened on the dark one until it reads at 4.5:1 or more on the page (WCAG AA), from CSS
 * variables set per theme in styles/base.css. Lines, swatches and markers keep `kindColor`.
 */
export const kindTextColor = (kind: TaskKind): string => `var(--kind-text-${kind})`;

/** The atomic skills in their fixed order, with their colours (legends, sliders). */
export const SKILL_SWATCHES = ATOMIC_SKILLS.map((skill) => ({
  skill,
  color: SKILL_COLORS[skill],
}));

/** Colours that tell runs apart where skills are not the subject (signals, tables of runs). */
const RUN_COLORS = ['var(--accent)', '#44AA99', '#CC6677', '#DDCC77', '#88CCEE', '#AA4499'];

export const runColor = (index: number): string => RUN_COLORS[index % RUN_COLORS.length] as string;
